//! The CAMEO event taxonomy: code, name, root, QuadClass, Goldstein and PLOVER type.
//!
//! Placeholder: the table itself is being written (see the CAMEO issue).
