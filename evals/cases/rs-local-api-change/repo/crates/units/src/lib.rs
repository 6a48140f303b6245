//! Physical quantities shared by the freight tools.

use std::fmt;

/// A mass, stored in whole grams so that sums stay exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mass {
    grams: u64,
}

impl Mass {
    pub fn from_grams(grams: u64) -> Self {
        Mass { grams }
    }

    pub fn grams(self) -> u64 {
        self.grams
    }

    pub fn kilograms(self) -> f64 {
        self.grams as f64 / 1000.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MassUnit {
    Gram,
    Kilogram,
    Pound,
}

impl MassUnit {
    fn grams_per_unit(self) -> f64 {
        match self {
            MassUnit::Gram => 1.0,
            MassUnit::Kilogram => 1000.0,
            MassUnit::Pound => 453.592_37,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseMassError {
    Empty,
    InvalidNumber(String),
    UnknownUnit(String),
}

impl fmt::Display for ParseMassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseMassError::Empty => write!(f, "no mass given"),
            ParseMassError::InvalidNumber(text) => write!(f, "{text:?} is not a number"),
            ParseMassError::UnknownUnit(unit) => write!(f, "unknown mass unit {unit:?}"),
        }
    }
}

impl std::error::Error for ParseMassError {}

/// Parses a mass such as `12.5 kg`, `800g` or `3 lb`. A bare number carries no unit of its
/// own and is read in `default_unit`; each caller decides what its unlabelled values mean.
pub fn parse_mass(text: &str, default_unit: MassUnit) -> Result<Mass, ParseMassError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseMassError::Empty);
    }
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number = number.trim();
    let value: f64 = number
        .parse()
        .map_err(|_| ParseMassError::InvalidNumber(number.to_string()))?;
    if !(value >= 0.0) {
        return Err(ParseMassError::InvalidNumber(number.to_string()));
    }
    let unit = match unit.trim().to_ascii_lowercase().as_str() {
        "" => default_unit,
        "g" => MassUnit::Gram,
        "kg" => MassUnit::Kilogram,
        "lb" | "lbs" => MassUnit::Pound,
        other => return Err(ParseMassError::UnknownUnit(other.to_string())),
    };
    Ok(Mass::from_grams((value * unit.grams_per_unit()).round() as u64))
}
