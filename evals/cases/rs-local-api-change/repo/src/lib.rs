//! Price quotes for parcel manifests.

pub mod manifest;
pub mod pricing;
