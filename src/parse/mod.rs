//! Parsing: turning resolution text into the model ([`crate::model`]).
//! [`import`] reads real text as extracted from UN PDFs and web pages.

pub mod import;
