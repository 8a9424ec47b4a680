//! `rathaus-server translations`: the PO files translators work on.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum TranslationAction {
    /// Print the PO file of a service in a language: every text, its German, and the
    /// translation it has so far.
    Export { service: String, language: String },
    /// Check a translated PO file against the service and keep it as the service's
    /// translation into the file's language.
    Import {
        service: String,
        file: std::path::PathBuf,
    },
    /// Write (or bring up to date) the catalogue's PO files in a language, one per
    /// catalogue file, keeping the translations they have; prints what they lack.
    Catalogue { language: String },
    /// Write (or bring up to date) the PO file of the city's own texts
    /// (`public/legal.json`) in a language, and the file the app loads from it.
    Legal {
        language: String,
        #[arg(long, default_value = "public")]
        public: std::path::PathBuf,
    },
}

pub fn translations_command(
    services: &std::path::Path,
    catalogue: &std::path::Path,
    translations: &std::path::Path,
    action: TranslationAction,
) -> Result<(), Box<dyn std::error::Error>> {
    use rathaus_core::po::Catalog;
    use rathaus_server::translations as t;
    let definition = |service: &str| -> Result<serde_json::Value, Box<dyn std::error::Error>> {
        let path = services.join(format!("{service}.json"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(serde_json::from_str(&text)?)
    };
    let translated = |code: &str| {
        t::translated()
            .find(|l| l.code() == code)
            .ok_or_else(|| format!("'{code}' is not a language translated by PO files"))
    };
    match action {
        TranslationAction::Export { service, language } => {
            let locale = translated(&language)?;
            let existing = existing_po(&t::po_path(translations, locale, &service))?;
            print!(
                "{}",
                t::export(&definition(&service)?, locale, existing.as_ref()).write()
            );
        }
        TranslationAction::Import { service, file } => {
            let catalog = Catalog::parse(&std::fs::read_to_string(&file)?)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let locale = translated(&catalog.language)?;
            let lacks = t::coverage(&definition(&service)?, &catalog);
            if !lacks.unknown.is_empty() {
                return Err(format!("texts the service does not have: {:?}", lacks.unknown).into());
            }
            let to = t::po_path(translations, locale, &service);
            std::fs::create_dir_all(to.parent().expect("a folder"))?;
            std::fs::write(&to, catalog.write())?;
            println!(
                "{}: {} texts, {} without a translation, {} of changed German",
                to.display(),
                catalog.entries.len(),
                lacks.missing.len(),
                lacks.stale.len()
            );
        }
        TranslationAction::Catalogue { language } => {
            catalogue_po_files(catalogue, translations, translated(&language)?)?
        }
        TranslationAction::Legal { language, public } => {
            use rathaus_server::legal_translations as lt;
            let locale = translated(&language)?;
            let file = public.join("legal.json");
            let legal: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let to = lt::po_path(translations, locale);
            let existing = existing_po(&to)?;
            let catalog = t::export(&legal, locale, existing.as_ref());
            std::fs::create_dir_all(to.parent().expect("a folder"))?;
            std::fs::write(&to, catalog.write())?;
            let app = lt::app_path(&public, locale);
            std::fs::write(&app, lt::for_app(&legal, locale, &catalog))?;
            println!(
                "{}: {} texts, {} without a confirmed translation; {} written",
                to.display(),
                catalog.entries.len(),
                t::coverage(&legal, &catalog).missing.len(),
                app.display()
            );
        }
    }
    Ok(())
}

/// The PO file at `path` as read, `None` where there is none yet.
fn existing_po(
    path: &std::path::Path,
) -> Result<Option<rathaus_core::po::Catalog>, Box<dyn std::error::Error>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(None);
    };
    let catalog =
        rathaus_core::po::Catalog::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(catalog))
}

/// [`TranslationAction::Catalogue`].
fn catalogue_po_files(
    catalogue: &std::path::Path,
    translations: &std::path::Path,
    locale: rathaus_core::Locale,
) -> Result<(), Box<dyn std::error::Error>> {
    use rathaus_server::catalogue_translations as ct;
    for part in ct::parts(catalogue)? {
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&part.file)?)
            .map_err(|e| format!("{}: {e}", part.file.display()))?;
        let to = ct::po_path(translations, locale, &part.name);
        let existing = existing_po(&to)?;
        let changed = existing
            .as_ref()
            .map_or(0, |e| ct::coverage(&value, e).stale.len());
        let catalog = ct::export(&value, locale, existing.as_ref());
        let lacks = ct::coverage(&value, &catalog);
        std::fs::create_dir_all(to.parent().expect("a folder"))?;
        std::fs::write(&to, catalog.write())?;
        println!(
            "{}: {} texts, {} without a confirmed translation ({} of them of changed German, marked fuzzy)",
            to.display(),
            catalog.entries.len(),
            lacks.missing.len(),
            changed
        );
    }
    Ok(())
}
