//! CAMEO and PLOVER ontology tables. (Stub: being written.)
