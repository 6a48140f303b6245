use crate::manifest::Parcel;

/// Flat handling fee per parcel, in cents.
pub const BASE_FEE_CENTS: u64 = 450;
/// Charge per started kilogram, in cents.
pub const CENTS_PER_KG: u64 = 120;

pub fn parcel_price_cents(parcel: &Parcel) -> u64 {
    let started_kg = (parcel.weight.grams() + 999) / 1000;
    BASE_FEE_CENTS + started_kg * CENTS_PER_KG
}

pub fn quote_cents(parcels: &[Parcel]) -> u64 {
    parcels.iter().map(parcel_price_cents).sum()
}
