//! The one integration-test binary: CLI behaviour driven through the real
//! `resdiff` binary, corpus checks, real pairs, reports, the browser, and a
//! regression module for bugs found along the way.

mod accuracy;
mod action;
mod browser;
mod cli;
mod common;
mod compare;
mod conventions;
mod corpus_import;
mod editorial;
mod fuzz_replay;
mod history;
mod pairing;
mod real_pairs;
mod regression;
mod reports;
mod search;
mod shipped;
mod trust;
mod truth;
mod volumes;
mod word;
