//! `json_struct!` and `json_named_enum!`: the codec for types that implement it by
//! hand rather than derive [`Wire`](super::Wire).

/// `FromJson` and `ToJson` for a struct, field by field, with the same member names
/// as its serde derive: `field = default` marks a `#[serde(default)]` field, and
/// `field as "name"` a `#[serde(rename = "name")]` one.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident $(as $key:literal)? $(= $default:ident)?),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                v.as_object()?;
                Ok($ty {
                    $($field: $crate::json_struct!(@read v, $crate::json_struct!(@key $field $($key)?) $(, $default)?),)*
                })
            }
        }

        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                $crate::json::Json::Object(vec![
                    $(($crate::json_struct!(@key $field $($key)?).to_owned(), $crate::json::ToJson::to_json(&self.$field)),)*
                ])
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@read $v:ident, $key:expr) => {
        $crate::json::member($v, $key)?
    };
    (@read $v:ident, $key:expr, default) => {
        $crate::json::member_or_default($v, $key)?
    };
}

/// `FromJson` and `ToJson` for a fieldless enum written as a string, through the
/// type's own `name()` and `from_name()`.
#[macro_export]
macro_rules! json_named_enum {
    ($ty:ident) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                $ty::from_name(v.as_str()?).ok_or($crate::json::JsonError::new("unknown name"))
            }
        }

        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                $crate::json::Json::String(self.name().to_owned())
            }
        }
    };
}
