//! Typed values read from a `serde_json::Value`, as `serde_json::from_value` does, with the
//! same error wording, but asking each visitor only for the shapes JSON documents use here:
//! a struct only from an object, a list only from an array, a scalar only from a scalar.
//! serde_json's own `Value` deserializer offers every visitor every shape, which compiles
//! each struct's read-from-an-array code and each field name's byte matcher into the wasm
//! although no document ever takes those paths (about 23 KB raw in the embed).

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Error as _, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Map, Number, Value};

/// `serde_json::from_value`, through [`De`].
pub fn from_value<T: DeserializeOwned>(v: Value) -> Result<T, Error> {
    T::deserialize(De(v))
}

/// A deserializer over one owned value.
pub struct De(pub Value);

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn wrong<'de, V: Visitor<'de>, T>(v: &Value, visitor: &V) -> Result<T, Error> {
    Err(Error::invalid_type(unexpected(v), visitor))
}

fn number<'de, V: Visitor<'de>>(n: Number, visitor: V) -> Result<V::Value, Error> {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => visitor.visit_u64(u),
        (None, Some(i), _) => visitor.visit_i64(i),
        (_, _, f) => visitor.visit_f64(f.unwrap_or(0.0)),
    }
}

impl De {
    fn scalar<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => number(n, visitor),
            Value::String(s) => visitor.visit_string(s),
            other => wrong(&other, &visitor),
        }
    }
}

fn seq<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut access = Seq(items.into_iter());
    let out = visitor.visit_seq(&mut access)?;
    match access.0.len() {
        0 => Ok(out),
        _ => Err(Error::invalid_length(len, &"fewer elements in array")),
    }
}

fn map<'de, V: Visitor<'de>>(m: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    visitor.visit_map(Entries {
        iter: m.into_iter(),
        value: None,
    })
}

/// Each scalar reader accepts its own JSON type only, so a visitor is asked for one shape
/// (a field name is never offered as a number, as serde_json's map keys are not either).
macro_rules! scalars {
    ($($name:ident => $pat:pat => $visit:expr;)*) => {
        $(fn $name<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                $pat => $visit(visitor),
                other => wrong(&other, &visitor),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for De {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(a) => seq(a, visitor),
            Value::Object(m) => map(m, visitor),
            other => De(other).scalar(visitor),
        }
    }

    scalars! {
        deserialize_bool => Value::Bool(b) => |v: V| v.visit_bool(b);
        deserialize_i8 => Value::Number(n) => |v| number(n, v);
        deserialize_i16 => Value::Number(n) => |v| number(n, v);
        deserialize_i32 => Value::Number(n) => |v| number(n, v);
        deserialize_i64 => Value::Number(n) => |v| number(n, v);
        deserialize_u8 => Value::Number(n) => |v| number(n, v);
        deserialize_u16 => Value::Number(n) => |v| number(n, v);
        deserialize_u32 => Value::Number(n) => |v| number(n, v);
        deserialize_u64 => Value::Number(n) => |v| number(n, v);
        deserialize_f32 => Value::Number(n) => |v| number(n, v);
        deserialize_f64 => Value::Number(n) => |v| number(n, v);
        deserialize_char => Value::String(s) => |v: V| v.visit_string(s);
        deserialize_str => Value::String(s) => |v: V| v.visit_string(s);
        deserialize_string => Value::String(s) => |v: V| v.visit_string(s);
        deserialize_identifier => Value::String(s) => |v: V| v.visit_string(s);
        deserialize_unit => Value::Null => |v: V| v.visit_unit();
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(De(other)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(a) => seq(a, visitor),
            other => wrong(&other, &visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(m) => map(m, visitor),
            other => wrong(&other, &visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            Value::Object(m) if m.len() == 1 => {
                let (variant, value) = m.into_iter().next().expect("one entry");
                visitor.visit_enum(Variant { variant, value })
            }
            Value::Object(_) => Err(Error::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
            other => Err(Error::invalid_type(unexpected(&other), &"string or map")),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Seq(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(De(v))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries {
    iter: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((k, v)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        seed.deserialize(De(Value::String(k))).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let v = self
            .value
            .take()
            .ok_or_else(|| Error::custom("value is missing"))?;
        seed.deserialize(De(v))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Variant {
    variant: String,
    value: Value,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = De;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, De), Error> {
        let tag = seed.deserialize(De(Value::String(self.variant)))?;
        Ok((tag, De(self.value)))
    }
}

impl<'de> VariantAccess<'de> for De {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Value::Null => Ok(()),
            other => Err(Error::invalid_type(unexpected(&other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::from_value;
    use crate::config::Config;
    use crate::event::Event;
    use crate::workspace::Workspace;

    /// The same values and the same error messages as serde_json's own reader.
    #[test]
    fn reads_like_serde_json() {
        let demo = crate::json_text::value_of(&crate::demo::demo_workspace()).unwrap();
        let ours: Workspace = from_value(demo.clone()).unwrap();
        let theirs: Workspace = serde_json::from_value(demo.clone()).unwrap();
        assert_eq!(ours, theirs);

        let config = demo["config"].clone();
        let mut bad = Vec::new();
        for (pointer, value) in [
            ("/tiers/0/tier", json!("one")),
            ("/tiers/0/tier", json!(300)),
            ("/tiers/0/tier", json!(-1)),
            ("/tiers", json!({"a": 1})),
            ("/rules/0/id", json!(null)),
            ("/rules/0/id", json!(1.5)),
            ("/directory", json!(true)),
            ("/history_window_days", json!("7")),
        ] {
            let mut c = config.clone();
            *c.pointer_mut(pointer).expect(pointer) = value;
            bad.push(c);
        }
        // The one deliberate difference: a struct is never read from an array.
        let mut listed = config.clone();
        listed["tiers"][0] = json!([1, 2]);
        let e = from_value::<Config>(listed).unwrap_err().to_string();
        assert_eq!(e, "invalid type: sequence, expected struct TierDef");
        let mut missing = config.clone();
        missing["tiers"][0].as_object_mut().unwrap().remove("name");
        bad.push(missing);
        for c in bad {
            let ours = from_value::<Config>(c.clone())
                .map(|_| ())
                .map_err(|e| e.to_string());
            let theirs = serde_json::from_value::<Config>(c)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert!(ours.is_err(), "{theirs:?}");
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn events_read_and_refuse_like_the_derived_reader() {
        let ok = json!({"id": "e1", "at": "2025-01-20T10:00:00Z", "actor": "a",
                        "kind": "note", "text": "hi", "extra": 1});
        let e: Event = from_value(ok.clone()).unwrap();
        assert_eq!(crate::json_text::value_of(&e).unwrap()["text"], "hi");
        for (bad, says) in [
            (
                json!({"at": "2025-01-20T10:00:00Z", "actor": "a", "kind": "note", "text": "x"}),
                "missing field `id`",
            ),
            (
                json!({"id": "e", "at": "2025-01-20T10:00:00Z", "actor": "a", "text": "x"}),
                "missing field `kind`",
            ),
            (
                json!({"id": "e", "at": "2025-01-20T10:00:00Z", "actor": "a", "kind": "nope"}),
                "unknown variant `nope`",
            ),
            (
                json!({"id": "e", "at": "2025-01-20T10:00:00Z", "actor": "a", "kind": "note"}),
                "missing field `text`",
            ),
            (
                json!({"id": "e", "at": "yesterday", "actor": "a", "kind": "note", "text": "x"}),
                "",
            ),
            (json!([1, 2]), "expected an event object"),
        ] {
            let e = from_value::<Event>(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{e}");
        }
    }
}
