//! The YAML document as written: serde types that keep the location of every node that a later
//! check may need to point at. Nothing here interprets values; `load` does.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The top level of a table file. Unknown keys are an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTable {
    pub title: Option<String>,
    pub source: Option<RawSource>,
    pub current: Option<Label>,
    pub total: Option<Label>,
    pub entities: Option<OrderedMap<Spanned<Label>, Names>>,
    pub groups: Option<OrderedMap<Spanned<Label>, Names>>,
    pub metrics: Spanned<RawMetrics>,
    pub records: Option<Vec<Spanned<RawRecord>>>,
    pub csv: Option<Spanned<String>>,
    /// CSV: the column naming the entity.
    pub entity: Option<Spanned<String>>,
    /// CSV: a constant period for every row (none: the table's facts have no period).
    pub period: Option<Spanned<Label>>,
    #[serde(rename = "period-column", alias = "period_column")]
    pub period_column: Option<Spanned<String>>,
    #[serde(rename = "metric-column", alias = "metric_column")]
    pub metric_column: Option<Spanned<String>>,
    #[serde(rename = "value-column", alias = "value_column")]
    pub value_column: Option<Spanned<String>>,
}

/// The keys of a document's top-level mapping, with where each is; values are skipped.
#[derive(Debug)]
pub(super) struct TopKeys(pub Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for TopKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<Spanned<Label>>()? {
                    map.next_value::<de::IgnoredAny>()?;
                    keys.push(Spanned {
                        value: k.value.0,
                        referenced: k.referenced,
                        defined: k.defined,
                    });
                }
                Ok(TopKeys(keys))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub publisher: Option<String>,
    pub title: Option<String>,
    pub date: Option<Label>,
    pub url: Option<String>,
}

/// One long-form record.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecord {
    pub entity: Label,
    pub metric: String,
    /// Absent for a fact that has no period (a mountain's height, a country's capital).
    pub period: Option<Label>,
    pub value: Spanned<RawValue>,
}

/// A scalar read as text: strings as written, numbers formatted (`2017`), dates as strings.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Label(pub String);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name, a year or a label")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Label, E> {
                Ok(Label(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Label, E> {
                if v.is_finite() {
                    Ok(Label(v.to_string()))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A table value as written: a YAML number, a string in the prose grammar, or null (no value).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RawValue {
    Number(f64, String),
    Text(String),
    Null,
    /// Not a scalar, or a boolean: what it was, to report at the value's location.
    Invalid(&'static str),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            fn num<E: de::Error>(self, v: f64, text: String) -> Result<RawValue, E> {
                if v.is_finite() {
                    Ok(RawValue::Number(v, text))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        impl<'de> Visitor<'de> for V {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a quantity such as `at least 5600` or `500-600`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
                self.num(v as f64, v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                self.num(v as f64, v.to_string())
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawValue, E> {
                self.num(v as f64, v.to_string())
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawValue, E> {
                self.num(v as f64, v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
                self.num(v, v.to_string())
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawValue, E> {
                Ok(RawValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<RawValue, E> {
                Ok(RawValue::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawValue, E> {
                Ok(RawValue::Invalid("a boolean"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(RawValue::Invalid("a sequence"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(RawValue::Invalid("a mapping"))
            }
        }
        d.deserialize_any(V)
    }
}

/// One name or a list of names.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Names(pub Vec<String>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Names;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Names, E> {
                Ok(Names(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Names, E> {
                Ok(Names(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Names, A::Error> {
                let mut out = Vec::new();
                while let Some(Label(name)) = seq.next_element::<Label>()? {
                    out.push(name);
                }
                Ok(Names(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping that keeps the order of its entries (duplicate keys are rejected by the parser).
#[derive(Debug)]
pub(super) struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Vis<K, V> {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<K, V>()? {
                    out.push(entry);
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

/// What a metric says about itself, in either form: a list of terms, or a mapping.
#[derive(Debug, Default)]
pub(super) struct RawMetricSpec {
    /// Only in the list-of-mappings form of `metrics:`.
    pub name: Option<Spanned<String>>,
    pub terms: Vec<String>,
    pub unit: Option<Spanned<String>>,
    pub scale: Option<Spanned<f64>>,
    pub column: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
}

const METRIC_FIELDS: &[&str] = &["name", "terms", "unit", "scale", "column", "kind"];

impl<'de> Deserialize<'de> for RawMetricSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawMetricSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a list of terms or a mapping with `terms`, `unit`, `scale`, `column`, `kind`",
                )
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawMetricSpec, E> {
                Ok(RawMetricSpec::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<RawMetricSpec, E> {
                Ok(RawMetricSpec::default())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawMetricSpec, E> {
                Ok(RawMetricSpec {
                    terms: vec![v.to_string()],
                    ..RawMetricSpec::default()
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawMetricSpec, A::Error> {
                let Names(terms) = Names::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(RawMetricSpec {
                    terms,
                    ..RawMetricSpec::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMetricSpec, A::Error> {
                let mut spec = RawMetricSpec::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => spec.name = Some(map.next_value()?),
                        "terms" => spec.terms = map.next_value::<Names>()?.0,
                        "unit" => spec.unit = map.next_value()?,
                        "scale" => spec.scale = Some(map.next_value()?),
                        "column" => spec.column = Some(map.next_value()?),
                        "kind" => spec.kind = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, METRIC_FIELDS)),
                    }
                }
                Ok(spec)
            }
        }
        d.deserialize_any(V)
    }
}

/// `metrics:` as a mapping (name → spec) or as a list (of names, or of mappings with `name`).
#[derive(Debug)]
pub(super) struct RawMetrics(
    pub Vec<(Spanned<String>, RawMetricSpec)>,
    /// Set when `metrics:` is a scalar: what it was, to report at its location.
    pub Option<&'static str>,
);

impl<'de> Deserialize<'de> for RawMetrics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawMetrics;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of metric names to terms, or a list of metrics")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("a string")))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("a number")))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("a number")))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("a number")))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("a boolean")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawMetrics, E> {
                Ok(RawMetrics(Vec::new(), Some("null")))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMetrics, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<Spanned<String>, RawMetricSpec>()? {
                    out.push(entry);
                }
                Ok(RawMetrics(out, None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawMetrics, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<MetricItem>>()? {
                    let loc = item.referenced;
                    match item.value {
                        MetricItem::Name(name) => out.push((
                            Spanned::new(name, loc, item.defined),
                            RawMetricSpec::default(),
                        )),
                        MetricItem::Spec(mut spec) => match spec.name.take() {
                            Some(name) => out.push((name, *spec)),
                            // Reported by `load` at the item's location.
                            None => out.push((Spanned::new(String::new(), loc, loc), *spec)),
                        },
                    }
                }
                Ok(RawMetrics(out, None))
            }
        }
        d.deserialize_any(V)
    }
}

/// An element of the list form of `metrics:`.
#[derive(Debug)]
enum MetricItem {
    Name(String),
    Spec(Box<RawMetricSpec>),
}

impl<'de> Deserialize<'de> for MetricItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetricItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a metric name or a mapping with `name` and `terms`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<MetricItem, E> {
                Ok(MetricItem::Name(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MetricItem, A::Error> {
                let spec = RawMetricSpec::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(MetricItem::Spec(Box::new(spec)))
            }
        }
        d.deserialize_any(V)
    }
}
