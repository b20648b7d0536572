//! The one integration-test binary: CLI behaviour driven through the real
//! `resdiff` binary, corpus checks, and a regression module.

mod cli;
mod common;
mod corpus_import;
mod real_pairs;
