//! `#[derive(Wire)]`: the app's JSON codec (`rathaus_core::json`'s `FromJson` and
//! `ToJson`) for a wire type, written from the serde attributes the type already
//! carries — so a member's name, default and omission are declared once, for serde and
//! for the app. `rathaus-core/tests/json_codec.rs` holds the two against each other.
//!
//! Understood, as serde means them: on the type `transparent` and `rename_all`
//! (`snake_case`, `SCREAMING_SNAKE_CASE`, `lowercase`, `kebab-case`); on a member
//! `rename`, `default` and `skip_serializing_if`; on a variant `rename`. Structs with
//! named members become objects, one-member tuple structs their member; enums of unit
//! variants become strings (and get `name()` and `from_name()`), other enums are
//! externally tagged (`{"variant": …}`). Any
//! other serde attribute is refused at compile time: the type needs a hand-written
//! codec beside its hand-written serde.
//!
//! The generated code names `crate::json`: the derive is for the core crate's own types.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{
    parse_macro_input, Attribute, Data, DeriveInput, Error, Fields, Ident, LitStr, Path, Result,
};

#[proc_macro_derive(Wire, attributes(serde))]
pub fn derive_wire(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// What serde is told about a type, a member or a variant.
#[derive(Default)]
struct Serde {
    rename: Option<String>,
    rename_all: Option<String>,
    default: bool,
    skip_serializing_if: Option<Path>,
    transparent: bool,
}

fn serde_of(attrs: &[Attribute]) -> Result<Serde> {
    let mut serde = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let string = |meta: &syn::meta::ParseNestedMeta| -> Result<String> {
                Ok(meta.value()?.parse::<LitStr>()?.value())
            };
            if meta.path.is_ident("rename") {
                serde.rename = Some(string(&meta)?);
            } else if meta.path.is_ident("rename_all") {
                serde.rename_all = Some(string(&meta)?);
            } else if meta.path.is_ident("default") {
                if meta.input.peek(syn::Token![=]) {
                    return Err(meta.error("derive(Wire): `default = \"…\"` is not supported"));
                }
                serde.default = true;
            } else if meta.path.is_ident("skip_serializing_if") {
                serde.skip_serializing_if = Some(syn::parse_str(&string(&meta)?)?);
            } else if meta.path.is_ident("transparent") {
                serde.transparent = true;
            } else {
                return Err(meta.error(
                    "derive(Wire) does not understand this serde attribute; write the codec by hand",
                ));
            }
            Ok(())
        })?;
    }
    Ok(serde)
}

/// A name as serde's `rename_all` writes it.
fn renamed(ident: &Ident, rule: Option<&str>) -> Result<String> {
    let name = ident.to_string();
    let snake = || {
        let mut out = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        }
        out
    };
    Ok(match rule {
        None => name,
        Some("snake_case") => snake(),
        Some("SCREAMING_SNAKE_CASE") => snake().to_uppercase(),
        Some("kebab-case") => snake().replace('_', "-"),
        Some("lowercase") => name.to_lowercase(),
        Some(other) => {
            return Err(Error::new(
                ident.span(),
                format!("derive(Wire): rename_all = \"{other}\" is not supported"),
            ))
        }
    })
}

fn expand(input: &DeriveInput) -> Result<Tokens> {
    let ty = &input.ident;
    let container = serde_of(&input.attrs)?;
    let mut extra = None;
    let (read, write) = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(_) if !container.transparent => {
                let members = members(&data.fields, container.rename_all.as_deref())?;
                let reads = members.iter().map(|m| m.read(quote!(v)));
                let writes = members.iter().map(|m| {
                    let ident = &m.ident;
                    m.write(quote!(&self.#ident))
                });
                (
                    quote! {
                        v.as_object()?;
                        Ok(#ty { #(#reads,)* })
                    },
                    quote! {
                        let mut members = ::std::vec::Vec::new();
                        #(#writes)*
                        crate::json::Json::Object(members)
                    },
                )
            }
            Fields::Unnamed(f) if f.unnamed.len() == 1 => (
                quote! { crate::json::FromJson::from_json(v).map(#ty) },
                quote! { crate::json::ToJson::to_json(&self.0) },
            ),
            _ => {
                return Err(Error::new(
                    Span::call_site(),
                    "derive(Wire): a struct with named members, or a one-member tuple struct",
                ))
            }
        },
        Data::Enum(data) => {
            let (read, write, names) = enum_codec(ty, data, container.rename_all.as_deref())?;
            extra = names;
            (read, write)
        }
        Data::Union(_) => return Err(Error::new(Span::call_site(), "derive(Wire): no unions")),
    };
    Ok(quote! {
        #extra

        impl crate::json::FromJson for #ty {
            fn from_json(v: &crate::json::Json) -> ::std::result::Result<Self, crate::json::JsonError> {
                #read
            }
        }

        impl crate::json::ToJson for #ty {
            fn to_json(&self) -> crate::json::Json {
                #write
            }
        }
    })
}

/// A named member: its key, and whether it has a default or may be left out.
struct Member {
    ident: Ident,
    key: String,
    default: bool,
    skip_if: Option<Path>,
}

fn members(fields: &Fields, rename_all: Option<&str>) -> Result<Vec<Member>> {
    fields
        .iter()
        .map(|f| {
            let serde = serde_of(&f.attrs)?;
            let ident = f.ident.clone().expect("named");
            let key = match serde.rename {
                Some(key) => key,
                None => renamed(&ident, rename_all)?,
            };
            Ok(Member {
                ident,
                key,
                default: serde.default,
                skip_if: serde.skip_serializing_if,
            })
        })
        .collect()
}

impl Member {
    /// `ident: <read from object>`; `object` is an expression of type `&Json`.
    fn read(&self, object: Tokens) -> Tokens {
        let (ident, key) = (&self.ident, &self.key);
        if self.default {
            quote! { #ident: crate::json::member_or_default(#object, #key)? }
        } else {
            quote! { #ident: crate::json::member(#object, #key)? }
        }
    }

    /// Pushes the member onto `members` unless serde would leave it out; `value` is
    /// a reference to it (`&self.name`, or a variant's bound `name`).
    fn write(&self, value: Tokens) -> Tokens {
        let key = &self.key;
        let push = quote! {
            members.push((#key.to_owned(), crate::json::ToJson::to_json(#value)));
        };
        match &self.skip_if {
            Some(skip) => quote! { if !#skip(#value) { #push } },
            None => push,
        }
    }
}

/// The enum's read and write, and for an enum of unit variants its `name()`.
fn enum_codec(
    ty: &Ident,
    data: &syn::DataEnum,
    rename_all: Option<&str>,
) -> Result<(Tokens, Tokens, Option<Tokens>)> {
    let mut names = Vec::new();
    for v in &data.variants {
        let serde = serde_of(&v.attrs)?;
        names.push(match serde.rename {
            Some(name) => name,
            None => renamed(&v.ident, rename_all)?,
        });
    }
    let idents: Vec<&Ident> = data.variants.iter().map(|v| &v.ident).collect();
    // "unknown condition", "unknown fee rule": which value could not be read.
    let unknown = format!(
        "unknown {}",
        renamed(ty, Some("snake_case"))?.replace('_', " ")
    );
    let unit = data
        .variants
        .iter()
        .all(|v| matches!(v.fields, Fields::Unit));
    if unit {
        // The names once, as inherent functions the rest of the code uses too (a
        // hand-written `name()` would be a second list to keep in step with serde).
        let read = quote! {
            #ty::from_name(v.as_str()?).ok_or(crate::json::JsonError::new(#unknown))
        };
        let write = quote! {
            crate::json::Json::String(self.name().to_owned())
        };
        let names_impl = quote! {
            impl #ty {
                /// The name serde and the app's codec write (from the serde attributes).
                pub fn name(self) -> &'static str {
                    match self { #(#ty::#idents => #names,)* }
                }

                /// The value whose [`name`](Self::name) this is.
                pub fn from_name(name: &str) -> ::std::option::Option<#ty> {
                    match name {
                        #(#names => ::std::option::Option::Some(#ty::#idents),)*
                        _ => ::std::option::Option::None,
                    }
                }
            }
        };
        return Ok((read, write, Some(names_impl)));
    }
    // Externally tagged: `"unit"`, `{"newtype": value}`, `{"struct": {members}}`.
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut unit_reads = Vec::new();
    for (v, name) in data.variants.iter().zip(&names) {
        let ident = &v.ident;
        match &v.fields {
            Fields::Unit => {
                unit_reads.push(quote! { #name => return Ok(#ty::#ident), });
                writes.push(
                    quote! { #ty::#ident => return crate::json::Json::String(#name.to_owned()), },
                );
            }
            Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                reads.push(
                    quote! { #name => #ty::#ident(crate::json::FromJson::from_json(inner)?), },
                );
                writes.push(
                    quote! { #ty::#ident(value) => (#name, crate::json::ToJson::to_json(value)), },
                );
            }
            Fields::Named(_) => {
                let members = members(&v.fields, None)?;
                let member_reads = members.iter().map(|m| m.read(quote!(inner)));
                let bound: Vec<&Ident> = members.iter().map(|m| &m.ident).collect();
                let member_writes = members.iter().map(|m| {
                    let ident = &m.ident;
                    m.write(quote!(#ident))
                });
                reads.push(
                    quote! { #name => { inner.as_object()?; #ty::#ident { #(#member_reads,)* } } },
                );
                writes.push(quote! {
                    #ty::#ident { #(#bound),* } => {
                        let mut members = ::std::vec::Vec::new();
                        #(#member_writes)*
                        (#name, crate::json::Json::Object(members))
                    }
                });
            }
            Fields::Unnamed(_) => {
                return Err(Error::new(
                    ident.span(),
                    "derive(Wire): a variant has one value or named members",
                ))
            }
        }
    }
    let read = quote! {
        if let crate::json::Json::String(name) = v {
            match name.as_str() {
                #(#unit_reads)*
                _ => return Err(crate::json::JsonError::new(#unknown)),
            }
        }
        let [(tag, inner)] = v.as_object()? else {
            return Err(crate::json::JsonError::new(#unknown));
        };
        Ok(match tag.as_str() {
            #(#reads)*
            _ => return Err(crate::json::JsonError::new(#unknown)),
        })
    };
    let write = quote! {
        let (tag, inner) = match self { #(#writes)* };
        crate::json::Json::Object(::std::vec![(tag.to_owned(), inner)])
    };
    Ok((read, write, None))
}
