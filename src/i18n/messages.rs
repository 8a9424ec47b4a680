//! Every text of the app's own interface, German first.

use rathaus_core::Locale;

use super::loaded::ModuleTexts;

macro_rules! messages {
    ($($(#[$module:ident])? $key:ident => $de:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The German text. Compiled into the app for what every page may need, which
            /// is what a first visit needs; a text marked `#[legal]` or `#[wizard]` (only
            /// that module's code names it) comes from `i18n/de.{module}.json`, loaded
            /// with the module's code, so a first visit does not carry it.
            pub fn german(self) -> &'static str {
                match self { $(Key::$key => german!($($module)? $key $de)),* }
            }

            /// The lazy module whose code alone names this text, if one does.
            pub fn module(self) -> Option<ModuleTexts> {
                match self { $(Key::$key => module!($($module)?)),* }
            }

            /// The English text as written here. The app itself does not carry these: it
            /// loads them from `i18n/en.json` (generated from this list) when English is
            /// chosen, so they cost German readers nothing.
            #[cfg(not(target_arch = "wasm32"))]
            pub fn english(self) -> &'static str {
                match self { $(Key::$key => $en),* }
            }
        }
    };
}

macro_rules! german {
    ($key:ident $de:literal) => {
        $de
    };
    ($module:ident $key:ident $de:literal) => {{
        #[cfg(target_arch = "wasm32")]
        let text = super::loaded::text(Locale::De, Key::$key).unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let text = $de;
        text
    }};
}

macro_rules! module {
    () => {
        None
    };
    (legal) => {
        Some(ModuleTexts::Legal)
    };
    (wizard) => {
        Some(ModuleTexts::Wizard)
    };
}

impl Key {
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::De => self.german(),
            other => super::loaded::text(other, self).unwrap_or_else(|| self.german()),
        }
    }
}

messages! {
    // Paying the fee
    #[wizard] PayNow => "Jetzt bezahlen", "Pay now";
    #[wizard] PayAgain => "Erneut bezahlen", "Pay again";
    #[wizard] PaymentStarting => "Zahlung wird vorbereitet …", "Preparing the payment …";
    #[wizard] PaymentStartFailed => "Die Zahlung konnte nicht begonnen werden. Versuchen Sie es erneut.", "The payment could not be started. Please try again.";
    #[wizard] PaymentLoading => "Zahlungsstand wird abgerufen …", "Checking the payment …";
    #[wizard] PaymentPaid => "Bezahlt", "Paid";
    #[wizard] PaymentPending => "Zahlung ausstehend", "Payment outstanding";
    #[wizard] PaymentPendingText => "Sie haben mit dem Bezahlen begonnen, aber es noch nicht abgeschlossen.", "You started paying but have not finished.";
    #[wizard] PaymentChecking => "Zahlung wird geprüft …", "Checking your payment …";
    #[wizard] PaymentNotConfirmed => "Zahlung noch nicht bestätigt", "Payment not confirmed yet";
    #[wizard] PaymentNotConfirmedText => "Der Zahlungsdienst hat die Zahlung noch nicht bestätigt. Prüfen Sie in einem Moment erneut, oder setzen Sie die Zahlung fort.",
        "The payment service has not confirmed the payment yet. Check again in a moment, or continue paying.";
    #[wizard] CheckAgain => "Erneut prüfen", "Check again";
    #[wizard] ContinuePaying => "Zahlung fortsetzen", "Continue paying";
    #[wizard] PaymentCanceled => "Zahlung abgebrochen", "Payment cancelled";
    #[wizard] PaymentCanceledText => "Sie haben die Zahlung abgebrochen. Es wurde nichts abgebucht.", "You cancelled the payment. Nothing was charged.";
    #[wizard] PaymentFailed => "Zahlung fehlgeschlagen", "Payment failed";
    #[wizard] PaymentFailedText => "Die Zahlung ist nicht zustande gekommen. Es wurde nichts abgebucht.", "The payment did not go through. Nothing was charged.";
    #[wizard] PaymentExpired => "Zahlung abgelaufen", "Payment expired";
    #[wizard] PaymentExpiredText => "Die Zeit zum Bezahlen ist abgelaufen. Es wurde nichts abgebucht.", "The time to pay ran out. Nothing was charged.";
    #[wizard] PaymentNone => "Noch keine Zahlung", "No payment yet";
    #[wizard] PaymentNoneText => "Für diesen Antrag wurde noch keine Zahlung begonnen.", "No payment has been started for this application.";
    #[wizard] PaymentUnavailable => "Zahlungsstand nicht abrufbar", "Payment status unavailable";
    #[wizard] PaymentAmount => "Betrag", "Amount";
    #[wizard] PaymentPurpose => "Verwendungszweck", "Purpose";
    #[wizard] PaymentMethodLabel => "Zahlungsart", "Payment method";
    #[wizard] PaymentReference => "Transaktionsreferenz", "Transaction reference";
    #[wizard] PaymentDate => "Bezahlt am", "Paid on";
    #[wizard] CreditCard => "Kreditkarte", "Credit card";
    #[wizard] SepaDirectDebit => "SEPA-Lastschrift", "SEPA direct debit";
    #[wizard] BackToConfirmation => "Zurück zur Bestätigung Ihres Antrags", "Back to the confirmation of your application";

    // Offline and the device
    UpdateAvailable => "Eine neue Version der Anwendung ist verfügbar.", "A new version of the app is available.";
    UpdateReload => "Neu laden", "Reload";
    StorageSetAside => "Auf diesem Gerät gespeicherte Daten waren beschädigt. Sie wurden beiseitegelegt; die Anwendung arbeitet ohne sie weiter.",
        "Data saved on this device was damaged. It has been set aside; the app works on without it.";
    DeviceTitle => "Daten auf diesem Gerät", "Data on this device";
    #[wizard] DeviceIntro => "Diese Angaben sind nur auf diesem Gerät gespeichert, nicht bei der Stadt. Löschen Sie sie, wenn auch andere dieses Gerät benutzen.",
        "This is stored on this device only, not by the city. Delete it if others use this device too.";
    #[wizard] DraftsExpire => "Begonnene Anträge werden {days} Tage nach der letzten Änderung gelöscht.",
        "Applications in progress are deleted {days} days after they were last changed.";
    #[wizard] DraftsHeading => "Begonnene Anträge", "Applications in progress";
    #[wizard] SentHeading => "Gesendete Anträge", "Applications sent";
    #[wizard] NoneStored => "Keine.", "None.";
    #[wizard] DraftLastSaved => "Zuletzt gespeichert am {date}", "Last saved on {date}";
    #[wizard] Delete => "Löschen", "Delete";
    #[wizard] DeleteNamed => "{name} löschen", "Delete {name}";
    #[wizard] DeleteAll => "Alles löschen", "Delete everything";
    #[wizard] DeleteAllConfirm => "Wirklich alles löschen? Auf diesem Gerät geht verloren:", "Really delete everything? Lost from this device:";
    #[wizard] DeleteAllYes => "Ja, alles löschen", "Yes, delete everything";
    #[wizard] DeletedAll => "Alle Daten auf diesem Gerät wurden gelöscht.", "All data on this device has been deleted.";
    #[wizard] Cancel => "Abbrechen", "Cancel";
    OutboxSent => "Ihr Antrag wurde gesendet.", "Your application has been sent.";
    OutboxSentLink => "Bestätigung ansehen", "View the confirmation";
    #[wizard] Saving => "Wird gespeichert …", "Saving …";
    #[wizard] SavedAt => "Gespeichert auf diesem Gerät um {time}", "Saved on this device at {time}";
    #[wizard] SaveFailed => "Ihre Angaben konnten auf diesem Gerät nicht gespeichert werden (Speicher voll oder gesperrt). Sie bleiben erhalten, solange diese Seite geöffnet ist.",
        "Your answers could not be saved on this device (storage full or blocked). They are kept while this page stays open.";
    #[wizard] ServiceChanged => "Diese Dienstleistung wurde geändert, seit Sie begonnen haben.", "This service has changed since you started.";
    #[wizard] AnswerAgain => "Ihre übrigen Angaben sind erhalten. Bitte beantworten Sie diese Fragen erneut:",
        "Your other answers are kept. Please answer these questions again:";

    // Frame
    AppName => "Rathaus", "Rathaus";
    CityName => "Stadt Musterstadt", "City of Musterstadt";
    SkipToContent => "Zum Inhalt springen", "Skip to main content";
    NavServices => "Leistungen", "Services";
    NavStatus => "Status", "Status";
    MainNavigation => "Hauptnavigation", "Main navigation";
    Language => "Sprache", "Language";
    ChooseLanguage => "Sprache wählen", "Choose a language";
    FooterText => "Ein Bürgerservice der Stadt Musterstadt", "A citizen service of the City of Musterstadt";
    Loading => "Wird geladen …", "Loading …";
    Back => "Zurück", "Back";
    #[wizard] Continue => "Weiter", "Continue";
    TryAgain => "Erneut versuchen", "Try again";
    LoadFailedTitle => "Die Seite konnte nicht geladen werden", "The page could not be loaded";
    ErrorPrefix => "Fehler:", "Error:";
    ErrorTitlePrefix => "Fehler: ", "Error: ";
    ErrorSummaryTitle => "Es gibt ein Problem", "There is a problem";
    Optional => "(optional)", "(optional)";
    #[wizard] NotProvided => "Nicht angegeben", "Not provided";
    Change => "Ändern", "Change";

    // Errors that are not about one field
    OfflineError => "Keine Verbindung zum Server. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
        "Cannot reach the server. Check your internet connection and try again.";
    ServerError => "Beim Server ist ein Fehler aufgetreten. Versuchen Sie es später erneut.",
        "Something went wrong on the server. Try again later.";
    NotFoundTitle => "Seite nicht gefunden", "Page not found";
    NotFoundText => "Wenn Sie die Adresse eingetippt haben, prüfen Sie, ob sie richtig ist.",
        "If you typed the web address, check it is correct.";
    ToCatalogue => "Zu allen Dienstleistungen", "Go to all services";

    // Catalogue
    CatalogueTitle => "Dienstleistungen online beantragen", "Apply for services online";
    CatalogueIntro => "Wählen Sie aus, was Sie erledigen möchten. Sie können jederzeit unterbrechen: Ihre Angaben bleiben auf diesem Gerät gespeichert.",
        "Choose what you want to do. You can stop at any time: your answers stay saved on this device.";
    FeeLabel => "Gebühr", "Fee";
    #[wizard] NoFee => "gebührenfrei", "free of charge";
    #[wizard] FeeDependsOnAnswers => "hängt von Ihren Angaben ab", "depends on your answers";

    // Start page
    #[wizard] WhatYouNeed => "Das brauchen Sie", "What you need";
    #[wizard] Duration => "Dauer", "How long it takes";
    #[wizard] Office => "Zuständig", "Responsible office";
    #[wizard] StartNow => "Jetzt beginnen", "Start now";
    #[wizard] DraftFound => "Sie haben diesen Antrag schon begonnen.", "You have already started this application.";
    #[wizard] DraftSavedOnDevice => "Ihre Angaben sind auf diesem Gerät gespeichert.", "Your answers are saved on this device.";
    #[wizard] Resume => "Weitermachen", "Continue where you left off";
    #[wizard] StartAgain => "Neu beginnen", "Start again";
    #[wizard] StartAgainConfirm => "Ihre bisherigen Angaben werden gelöscht. Wirklich neu beginnen?",
        "Your answers so far will be deleted. Do you really want to start again?";
    #[wizard] StartAgainYes => "Ja, Angaben löschen und neu beginnen", "Yes, delete my answers and start again";
    #[wizard] StartAgainNo => "Nein, weitermachen", "No, continue";

    // Wizard
    #[wizard] StepOf => "Schritt {n} von {total}", "Step {n} of {total}";
    #[wizard] StepN => "Schritt {n}", "Step {n}";
    #[wizard] AlreadySentTitle => "Diesen Antrag haben Sie bereits abgeschickt", "You have already sent this application";
    #[wizard] AlreadySentText => "Ihre Angaben wurden übermittelt. Wenn Sie einen weiteren Antrag stellen möchten, beginnen Sie neu.",
        "Your answers have been sent. If you want to make another application, start again.";
    #[wizard] ShowConfirmation => "Bestätigung ansehen", "View confirmation";
    DateDay => "Tag", "Day";
    DateMonth => "Monat", "Month";
    DateYear => "Jahr", "Year";
    Yes => "Ja", "Yes";
    No => "Nein", "No";
    SelectPlaceholder => "Bitte auswählen", "Please select";
    #[wizard] RankingPlace => "{n}. Wahl", "Choice {n}";
    // Before a multiple choice's "none of these"
    ChoiceOr => "oder", "or";
    AddressStreet => "Straße und Hausnummer", "Street and house number";
    AddressExtra => "Adresszusatz (optional)", "Address line 2 (optional)";
    AddressPostcode => "Postleitzahl", "Postcode";
    AddressTown => "Ort", "Town or city";
    ChooseFile => "Datei auswählen", "Choose file";
    Uploading => "Datei wird hochgeladen …", "Uploading file …";
    Uploaded => "Hochgeladen: {name}", "Uploaded: {name}";
    KeptUntilOnline => "Gespeichert auf diesem Gerät: {name}. Die Datei wird hochgeladen, wenn Sie den Antrag abschicken und eine Verbindung besteht.",
        "Kept on this device: {name}. The file is uploaded when you send the application and there is a connection.";
    NotYetUploaded => "noch nicht hochgeladen", "not uploaded yet";
    #[wizard] FileLost => "Eine Datei, die auf diesem Gerät auf das Hochladen wartete, ist nicht mehr vorhanden. Bitte fügen Sie sie erneut hinzu.",
        "A file that was waiting on this device to be uploaded is gone. Please add it again.";
    UploadFailed => "Die Datei konnte nicht hochgeladen werden. Versuchen Sie es erneut.", "The file could not be uploaded. Try again.";
    Remove => "Entfernen", "Remove";
    #[wizard] ItemNumbered => "{item} {n}", "{item} {n}";
    #[wizard] ItemsAdded => "Bisher angegeben", "Added so far";
    #[wizard] NoItemsYet => "Noch keine Angaben.", "Nothing added yet.";
    #[wizard] MaxItemsReached => "Sie haben die Höchstzahl von {max} erreicht.", "You have reached the maximum of {max}.";
    #[wizard] ItemIncomplete => "Angaben zu {item} sind unvollständig", "Details for {item} are incomplete";

    // Check answers
    #[wizard] CheckTitle => "Prüfen Sie Ihre Angaben", "Check your answers";
    #[wizard] CheckIntro => "Bevor Sie den Antrag abschicken, prüfen Sie bitte, ob alles stimmt.",
        "Before you send your application, check that everything is right.";
    #[wizard] FeeToPay => "Zu zahlende Gebühr", "Fee to pay";
    #[wizard] FeePaidAfter => "Sie bezahlen online, nachdem Sie den Antrag abgeschickt haben.",
        "You pay online after you have sent the application.";
    #[wizard] DeclarationTitle => "Erklärung", "Declaration";
    #[wizard] DeclarationRequired => "Bestätigen Sie die Erklärung, bevor Sie den Antrag abschicken",
        "Confirm the declaration before you send the application";
    #[wizard] Submit => "Antrag abschicken", "Send application";
    #[wizard] Submitting => "Antrag wird gesendet …", "Sending application …";
    #[wizard] SubmitQueued => "Der Antrag konnte noch nicht gesendet werden: keine Verbindung. Er ist auf diesem Gerät gespeichert und wird automatisch gesendet, sobald die Verbindung wieder da ist.",
        "The application could not be sent yet: there is no connection. It is saved on this device and will be sent automatically as soon as the connection is back.";
    #[wizard] SubmitRejected => "Einige Angaben müssen Sie noch ändern.", "Some answers still need to be changed.";

    #[wizard] WaitingToSendTitle => "Ihr Antrag wartet auf das Senden", "Your application is waiting to be sent";
    #[wizard] WaitingToSendText => "Er wird automatisch gesendet, sobald eine Verbindung besteht. Bis dahin lässt er sich nicht mehr ändern: Ankommen soll genau das, was Sie geprüft und abgeschickt haben.",
        "It will be sent automatically as soon as there is a connection. Until then it cannot be changed: what arrives must be exactly what you checked and sent.";
    #[wizard] WaitingToSendLink => "Zu Ihren Angaben", "To your answers";

    // Confirmation
    #[wizard] ConfirmationTitle => "Antrag gesendet", "Application sent";
    #[wizard] YourCaseNumber => "Ihre Vorgangsnummer", "Your case number";
    #[wizard] YourAccessCode => "Ihr Zugangscode", "Your access code";
    #[wizard] KeepCodes => "Notieren Sie Vorgangsnummer und Zugangscode. Damit sehen Sie den Stand Ihres Antrags auch auf einem anderen Gerät.",
        "Write down your case number and access code. With them you can see the status of your application on any device.";
    #[wizard] WhatHappensNext => "Wie es weitergeht", "What happens next";
    #[wizard] FeeDue => "Offene Gebühr: {amount}", "Fee to pay: {amount}";
    PaymentComesLater => "Die Online-Bezahlung wird in Kürze freigeschaltet. Wir melden uns bei Ihnen.",
        "Online payment is coming soon. We will contact you.";
    Print => "Seite drucken", "Print this page";
    #[wizard] CheckStatus => "Stand des Antrags ansehen", "Check the status of your application";
    #[wizard] ConfirmationUnknown => "Zu dieser Vorgangsnummer ist auf diesem Gerät nichts gespeichert. Den Stand können Sie mit Vorgangsnummer und Zugangscode abfragen.",
        "Nothing is saved on this device for this case number. You can check the status with the case number and access code.";
    #[wizard] SubmittedOn => "Gesendet am", "Sent on";

    // Status lookup
    #[wizard] StatusTitle => "Stand Ihres Antrags", "Status of your application";
    #[wizard] StatusIntro => "Geben Sie die Vorgangsnummer und den Zugangscode ein. Beides steht auf Ihrer Bestätigung.",
        "Enter the case number and the access code. You will find both on your confirmation.";
    #[wizard] CaseNumberLabel => "Vorgangsnummer", "Case number";
    #[wizard] CaseNumberHint => "Zum Beispiel 2026-7KQ4-M2XD", "For example 2026-7KQ4-M2XD";
    #[wizard] AccessCodeLabel => "Zugangscode", "Access code";
    #[wizard] AccessCodeHint => "12 Zeichen, zum Beispiel K7PQ-M2XD-3RTA", "12 characters, for example K7PQ-M2XD-3RTA";
    #[wizard] CaseNumberRequired => "Geben Sie die Vorgangsnummer ein", "Enter the case number";
    #[wizard] CaseNumberInvalid => "Die Vorgangsnummer besteht aus der Jahreszahl und 8 Zeichen, zum Beispiel 2026-7KQ4-M2XD",
        "The case number is a year and 8 characters, like 2026-7KQ4-M2XD";
    #[wizard] AccessCodeRequired => "Geben Sie den Zugangscode ein", "Enter the access code";
    #[wizard] AccessCodeInvalid => "Der Zugangscode besteht aus 12 Zeichen, zum Beispiel K7PQ-M2XD-3RTA",
        "The access code is 12 characters, like K7PQ-M2XD-3RTA";
    #[wizard] ShowStatus => "Stand anzeigen", "Show status";
    #[wizard] CaseNotFound => "Wir haben keinen Antrag mit dieser Vorgangsnummer und diesem Zugangscode gefunden. Prüfen Sie beide Angaben.",
        "We could not find an application with this case number and access code. Check both.";
    #[wizard] CurrentStatus => "Aktueller Stand", "Current status";
    #[wizard] Timeline => "Verlauf", "History";
    #[wizard] Service => "Dienstleistung", "Service";

    // The catalogue and its search
    SearchLabel => "Beschreiben Sie Ihr Anliegen", "Describe what you need";
    SearchHint => "Zum Beispiel „Ich bin umgezogen“. Was Sie schreiben, bleibt auf diesem Gerät.",
        "For example ‘I moved house’. What you type stays on this device.";
    SearchPreparing => "Die Suche wird vorbereitet …", "Preparing the search …";
    SearchCount => "Passende Dienstleistungen: {n}", "Matching services: {n}";
    SearchNothing => "Dazu haben wir nichts gefunden. Versuchen Sie andere Worte, oder wählen Sie unten eine Lebenslage.",
        "We found nothing for that. Try other words, or choose a life situation below.";
    MatchedBy => "passt zu: {words}", "matches: {words}";
    SearchLifeSituation => "Lebenslage: {name} — alle {n} Leistungen", "Life situation: {name} — all {n} services";
    OnlineHere => "Online mit dieser App", "Online with this app";
    OnlineAll => "Das sind die meistgenutzten von {n} Dienstleistungen, die Sie mit dieser App online erledigen. Alle finden Sie über die Suche und unter den Lebenslagen und Bereichen.", "These are the most used of {n} services you can complete online with this app. You find them all through the search and under the life situations and areas.";
    LifeSituations => "Lebenslagen", "Life situations";
    Areas => "Alle Bereiche", "All areas";
    ChannelWizard => "Online mit dieser App", "Online with this app";
    ChannelOnline => "Online auf einer anderen Website", "Online on another website";
    ChannelInPerson => "Vor Ort", "In person";
    HowTo => "So erledigen Sie es", "How to do it";
    ApplyOnline => "Online beantragen", "Apply online";
    GoOnline => "Zum Online-Dienst", "Go to the online service";
    GoOnlineNote => "Der Dienst liegt auf einer anderen Website; dort gelten deren Hinweise zum Datenschutz.",
        "The service is on another website; its own privacy notice applies there.";
    InPersonText => "Sie erledigen das vor Ort bei der zuständigen Stelle. Wo sie ist, wann sie geöffnet hat und wie Sie einen Termin bekommen, steht unten.",
        "You do this in person at the office responsible. Where it is, when it is open and how to get an appointment is shown below.";
    Bring => "Bitte mitbringen", "Please bring";
    Responsible => "Zuständig", "Responsible";
    BackToOverview => "Zur Übersicht", "Back to the overview";
    OfficesWhere => "Wo Sie es erledigen", "Where to go";
    OfficesHelp => "Hilfe vor Ort", "Help in person";
    OpeningHours => "Öffnungszeiten", "Opening hours";
    TodayIs => "Heute, {day}", "Today, {day}";
    Closed => "geschlossen", "closed";
    Appointments => "Termine", "Appointments";
    BookAppointment => "Termin vereinbaren", "Book an appointment";
    WalkIn => "Ohne Termin: Kommen Sie während der Öffnungszeiten.", "No appointment needed: come during opening hours.";
    Phone => "Telefon", "Phone";
    Email => "E-Mail", "Email";
    Website => "Im Internet", "Website";
    Transit => "Mit Bus und Bahn", "By bus and train";
    Accessibility => "Barrierefreiheit", "Accessibility";
    StepFree => "Stufenloser Zugang", "Step-free access";
    HearingLoop => "Induktive Höranlage", "Hearing loop";
    AccessibleToilet => "Barrierefreies WC", "Accessible toilet";
    #[wizard] TooManyAttempts => "Zu viele Versuche mit falschen Angaben. Aus Sicherheitsgründen können Sie es erst in 15 Minuten erneut versuchen.",
        "Too many attempts with wrong details. For your security, you can try again in 15 minutes.";

    // My applications and the case page
    NavApplications => "Meine Anträge", "My applications";
    #[wizard] ApplicationsIntro => "Anträge, die Sie auf diesem Gerät gesendet oder gespeichert haben.", "Applications you sent or saved on this device.";
    #[wizard] NoApplications => "Auf diesem Gerät sind noch keine Anträge gespeichert.", "No applications are saved on this device yet.";
    #[wizard] AddFromOtherDevice => "Antrag von einem anderen Gerät abrufen", "Find an application made on another device";
    #[wizard] ActionNeededCount => "Rückfragen der Behörde, die auf Ihre Antwort warten: {n}", "Questions from the office waiting for your answer: {n}";
    #[wizard] ActionNeededMark => "Ihre Antwort wird benötigt", "Your answer is needed";
    #[wizard] PaymentOpen => "Gebühr offen", "Fee not paid";
    #[wizard] CheckingCases => "Stand wird abgerufen …", "Checking the status …";
    #[wizard] CasesCheckedAt => "Stand von {time} Uhr.", "Status as of {time}.";
    #[wizard] CasesOffline => "Keine Verbindung: Sie sehen den zuletzt bekannten Stand.", "No connection: you are seeing the last known status.";
    #[wizard] CasesNotChecked => "Der Stand konnte nicht abgerufen werden: Sie sehen den zuletzt bekannten Stand.", "The status could not be checked: you are seeing the last known status.";
    #[wizard] KeepOnDeviceText => "Dieser Antrag ist nur in diesem Browser-Tab geöffnet. Speichern Sie ihn, um ihn unter „Meine Anträge“ wiederzufinden.",
        "This application is only open in this browser tab. Save it to find it again under ‘My applications’.";
    #[wizard] KeepOnDevice => "In „Meine Anträge“ speichern", "Save to ‘My applications’";
    #[wizard] EventMessage => "Nachricht der Behörde", "Message from the office";
    #[wizard] EventRequest => "Rückfrage der Behörde", "Question from the office";
    #[wizard] EventAnswer => "Ihre Antwort", "Your answer";
    #[wizard] EventPaymentStarted => "Zahlung begonnen", "Payment started";
    #[wizard] AnswerTextLabel => "Ihre Antwort", "Your answer";
    #[wizard] AnswerTextHint => "Höchstens 5000 Zeichen.", "5000 characters at most.";
    #[wizard] AnswerTextRequired => "Schreiben Sie eine Antwort oder fügen Sie ein Dokument bei", "Write an answer or attach a document";
    #[wizard] AnswerFilesLabel => "Dokument", "Document";
    #[wizard] AnswerFilesOptional => "Dokument (freiwillig)", "Document (optional)";
    #[wizard] AnswerFilesHint => "PDF, JPEG oder PNG, bis zu 5 Dateien.", "PDF, JPEG or PNG, up to 5 files.";
    #[wizard] AnswerFileLost => "Ein Dokument konnte nicht zugeordnet werden. Entfernen Sie es und fügen Sie es erneut hinzu.", "A document could not be matched. Remove it and add it again.";
    #[wizard] AnswerClosed => "Diese Rückfrage ist bereits beantwortet oder erledigt.", "This question has already been answered or settled.";
    #[wizard] AnswerOffline => "Keine Verbindung: Ihre Antwort wurde nicht gesendet. Sie ist noch da – senden Sie sie erneut, sobald die Verbindung wieder besteht.",
        "No connection: your answer was not sent. It is still here – send it again once you are back online.";
    #[wizard] SendAnswer => "Antwort senden", "Send answer";
    #[wizard] AnswerSending => "Antwort wird gesendet …", "Sending answer …";
    #[wizard] AnswerSent => "Ihre Antwort wurde gesendet. Die Behörde bearbeitet Ihren Antrag weiter.", "Your answer was sent. The office continues with your application.";

    // The case page leads with what is to do; codes a device could not keep
    #[wizard] CaseTitleAnswer => "Das Amt braucht Ihre Antwort – {case}", "The office needs your answer – {case}";
    #[wizard] CaseTitlePayment => "Zahlung ausstehend", "Payment outstanding";
    #[wizard] ConfirmationDetails => "Angaben zu Ihrem Antrag", "About your application";
    #[wizard] FeePurposeFor => "Gebühr {service}, Vorgang {case}", "Fee {service}, case {case}";
    #[wizard] CodesToCopy => "Vorgangsnummer: {case}, Zugangscode: {code}", "Case number: {case}, access code: {code}";
    #[wizard] CodesNotKept => "Notieren Sie Vorgangsnummer und Zugangscode – dieses Gerät konnte sie nicht speichern.",
        "Write down your case number and access code – this device could not save them.";
    #[wizard] CodesNotKeptText => "Der Speicher dieses Geräts ist voll oder gesperrt. Wenn Sie diese Seite schließen oder neu laden, finden Sie Ihren Antrag hier nicht mehr; mit Vorgangsnummer und Zugangscode sehen Sie seinen Stand auf jedem Gerät.",
        "This device’s storage is full or blocked. Once you close or reload this page, your application is no longer found here; with the case number and access code you can see its status on any device.";
    #[wizard] CopyCodes => "Nummer und Code kopieren", "Copy number and code";
    #[wizard] CodesCopied => "Vorgangsnummer und Zugangscode sind kopiert.", "Case number and access code copied.";
    #[wizard] CodesNotCopied => "Kopieren hat nicht geklappt. Bitte schreiben Sie beides ab oder drucken Sie die Seite.", "Copying did not work. Please write both down or print the page.";
    #[wizard] EntryUnreadable => "Ein Eintrag konnte nicht gelesen werden. Er wurde beiseitegelegt; die übrigen sehen Sie hier.",
        "One entry could not be read. It has been set aside; you see the others here.";
    #[wizard] EntriesUnreadable => "{n} Einträge konnten nicht gelesen werden. Sie wurden beiseitegelegt; die übrigen sehen Sie hier.",
        "{n} entries could not be read. They have been set aside; you see the others here.";

    // The outbox gives back what it cannot send
    NotSentInvalid => "Ihr Antrag wurde nicht gesendet: Einige Angaben müssen Sie noch ändern. Die Hinweise stehen bei den Fragen; danach senden Sie ihn erneut.",
        "Your application was not sent: some answers need to be changed. The notes are at the questions; then send it again.";
    NotSentUnreadable => "Ihr Antrag wurde nicht gesendet: Der Server konnte ihn nicht lesen. Ihre Angaben sind als Entwurf erhalten. Senden Sie ihn erneut; gelingt es wieder nicht, wenden Sie sich an die Stadt.",
        "Your application was not sent: the server could not read it. Your answers are kept as a draft. Send it again; if that fails too, contact the city.";
    NotSentUnknownService => "Ihr Antrag wurde nicht gesendet: Diese Dienstleistung kann zurzeit nicht online beantragt werden. Ihre Angaben sind als Entwurf auf diesem Gerät erhalten. Versuchen Sie es später erneut oder wenden Sie sich an die Stadt.",
        "Your application was not sent: this service cannot be applied for online at the moment. Your answers are kept as a draft on this device. Try again later or contact the city.";
    NotSentKeyReused => "Ihr Antrag wurde nicht gesendet: Der Server hielt ihn für die Wiederholung eines anderen Antrags. Sehen Sie unter „Meine Anträge“ nach, ob er schon eingegangen ist. Wenn nicht, senden Sie ihn erneut – Ihre Angaben sind als Entwurf erhalten.",
        "Your application was not sent: the server took it for a repeat of another application. Look under ‘My applications’ whether it has arrived. If not, send it again – your answers are kept as a draft.";
    NotSentTooLarge => "Ihr Antrag wurde nicht gesendet: Er ist zu groß. Kürzen Sie lange Texte und senden Sie ihn erneut. Ihre Angaben sind als Entwurf erhalten.",
        "Your application was not sent: it is too large. Shorten long texts and send it again. Your answers are kept as a draft.";
    NotSentRefused => "Ihr Antrag wurde nicht gesendet: Der Server hat ihn nicht angenommen. Ihre Angaben sind als Entwurf erhalten. Versuchen Sie es später erneut oder wenden Sie sich an die Stadt.",
        "Your application was not sent: the server did not accept it. Your answers are kept as a draft. Try again later or contact the city.";
    NotSentLoginNeeded => "Ihr Antrag wurde nicht gesendet: Für diesen Antrag müssen Sie angemeldet sein, und Ihre Anmeldung ist abgelaufen oder reicht nicht aus. Ihre Angaben sind als Entwurf erhalten. Melden Sie sich an und senden Sie den Antrag erneut.",
        "Your application was not sent: you must be logged in for this application, and your login has ended or is not enough. Your answers are kept as a draft. Log in and send the application again.";
    NotSentExpired => "Ihr Antrag konnte {days} Tage lang nicht gesendet werden und wurde nicht gesendet. Ihre Angaben sind als Entwurf erhalten: Prüfen Sie sie und senden Sie den Antrag erneut, wenn Sie eine Verbindung haben.",
        "Your application could not be sent for {days} days and has not been sent. Your answers are kept as a draft: check them and send the application again when you are online.";
    #[wizard] SubmitQueuedThisPageOnly => "Der Antrag konnte noch nicht gesendet werden: keine Verbindung. Dieses Gerät konnte ihn nicht speichern (Speicher voll oder gesperrt): Er wird nur gesendet, solange diese Seite geöffnet bleibt.",
        "The application could not be sent yet: there is no connection. This device could not save it (storage full or blocked): it is only sent while this page stays open.";
    OutboxReturned => "Ein Antrag, der auf den Versand wartete, wurde nicht gesendet.", "An application that was waiting to be sent has not been sent.";
    OutboxReturnedLink => "Was zu tun ist", "What to do";
    #[wizard] OutboxExpires => "Ein Antrag, der auf den Versand wartet, wird {days} Tage lang automatisch gesendet; danach wird er wieder ein Entwurf, den Sie erneut abschicken können.",
        "An application waiting to be sent is sent automatically for {days} days; after that it becomes a draft again that you can send once more.";
    #[wizard] DraftWaitingUntil => "Wartet auf Versand; wird bis {date} automatisch gesendet", "Waiting to be sent; sent automatically until {date}";
    #[wizard] DraftNotSent => "Nicht gesendet – bitte prüfen und erneut abschicken", "Not sent – please check and send again";

    // Deleting on the device page
    #[wizard] DeleteDraftConfirm => "Wirklich löschen? Ihre Angaben zu diesem Antrag gehen verloren.", "Really delete? Your answers to this application are lost.";
    #[wizard] DeleteWaitingConfirm => "Wirklich löschen? Dieser Antrag wartet auf den Versand und wird dann nicht gesendet.",
        "Really delete? This application is waiting to be sent and will then not be sent.";
    #[wizard] DeleteSentConfirm => "Wirklich löschen? Ohne Zugangscode können Sie den Antrag nicht mehr verfolgen.",
        "Really delete? Without the access code you can no longer follow the application.";
    #[wizard] LostDrafts => "Begonnene Anträge: {n}", "Applications in progress: {n}";
    #[wizard] LostWaiting => "Anträge, die auf den Versand warten – sie werden nicht gesendet: {n}", "Applications waiting to be sent – they will not be sent: {n}";
    #[wizard] LostSent => "Gesendete Anträge mit ihrem Zugangscode – ohne ihn können Sie sie nicht mehr verfolgen: {n}", "Sent applications with their access code – without it you can no longer follow them: {n}";
    #[wizard] DeleteAllCityKeeps => "Bei der Stadt bleibt alles erhalten, was sie schon bekommen hat.", "The city keeps everything it has already received.";

    // Case statuses
    #[wizard] StatusReceived => "Eingegangen", "Received";
    #[wizard] StatusInReview => "In Bearbeitung", "In review";
    #[wizard] StatusActionNeeded => "Rückfrage – bitte handeln Sie", "Action needed";
    #[wizard] StatusApproved => "Entschieden: bewilligt", "Decided: approved";
    #[wizard] StatusRejected => "Entschieden: abgelehnt", "Decided: rejected";
    #[wizard] StatusCompleted => "Abgeschlossen", "Completed";

    // Legal pages: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit
    LegalNavigation => "Rechtliches", "Legal information";
    ImprintTitle => "Impressum", "Legal notice";
    PrivacyTitle => "Datenschutzerklärung", "Privacy statement";
    AccessibilityTitle => "Erklärung zur Barrierefreiheit", "Accessibility statement";
    #[legal] PhoneLabel => "Telefon", "Phone";
    #[legal] EmailLabel => "E-Mail", "Email";
    #[legal] WebLabel => "Internet", "Website";
    #[legal] UpdatedOn => "Stand: {date}", "Last updated: {date}";
    #[legal] ImprintIntro => "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).",
        "Information under section 5 of the German Digital Services Act (DDG) and section 18 of the Interstate Media Treaty (MStV).";
    #[legal] ImprintProvider => "Anbieter", "Provider";
    #[legal] ImprintRepresented => "Vertreten durch", "Represented by";
    #[legal] ImprintContact => "Kontakt", "Contact";
    #[legal] ContactFormLink => "Kontaktformular", "Contact form";
    #[legal] ImprintVat => "Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz", "VAT identification number (section 27a of the German VAT Act)";
    #[legal] ImprintSupervisory => "Aufsichtsbehörde", "Supervisory authority";
    #[legal] ImprintResponsible => "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV", "Responsible for the content under section 18(2) MStV";
    #[legal] PrivacyIntro => "Hier steht, welche personenbezogenen Daten diese Anwendung verarbeitet, wozu und wie lange, und welche Rechte Sie haben.",
        "This statement says which personal data this app processes, what for and for how long, and what your rights are.";
    #[legal] PrivacyController => "Verantwortlich", "Controller";
    #[legal] PrivacyDpo => "Datenschutzbeauftragte", "Data protection officer";
    #[legal] PrivacyPurposes => "Zwecke und Rechtsgrundlagen", "Purposes and legal bases";
    #[legal] PrivacyPurposesText => "Ihre Angaben werden verarbeitet, um die Anträge zu bearbeiten, die Sie mit dieser Anwendung stellen, Sie über deren Stand zu informieren, Gebühren zu erheben und Ihre Meldungen zu Barrieren zu beantworten.",
        "Your data is processed to deal with the applications you make with this app, to keep you informed about them, to collect fees and to answer your reports of barriers.";
    #[legal] PrivacyServices => "Was die Dienstleistungen erfragen", "What each service asks for";
    #[legal] PrivacyServicesText => "Jede Dienstleistung fragt nur, was für ihren Antrag nötig ist. Hier stehen ihre Fragen.",
        "Each service asks only for what its application needs. Here are its questions.";
    #[legal] PrivacyDevice => "Was auf Ihrem Gerät gespeichert wird", "What is stored on your device";
    #[legal] PrivacyDeviceIntro => "Die Stadt erhält Ihre Angaben erst, wenn Sie einen Antrag abschicken. Im Speicher Ihres Browsers hält die Anwendung:",
        "The city receives your data only when you send an application. In your browser's storage the app keeps:";
    #[legal] PrivacyDeviceDrafts => "begonnene Anträge, beim Tippen gespeichert, damit nichts verloren geht; sie werden {days} Tage nach der letzten Änderung gelöscht;",
        "applications in progress, saved as you type so that nothing is lost; they are deleted {days} days after the last change;";
    #[legal] PrivacyDeviceOutbox => "Anträge, die ohne Verbindung abgeschickt wurden, bis sie gesendet sind, und Dateien, die Sie beifügen, bis zum Senden (IndexedDB);",
        "applications sent without a connection, until they have gone out, and the files you attach, until they are sent (IndexedDB);";
    #[legal] PrivacyDeviceSent => "gesendete Anträge mit Vorgangsnummer und Zugangscode für „Meine Anträge“ und Ihre Sprachwahl, bis Sie sie löschen; einen nur abgefragten Antrag, bis Sie den Browser-Tab schließen.",
        "applications sent, with their case number and access code, for ‘My applications’, and your choice of language, until you delete them; an application you only looked up, until you close the browser tab.";
    #[legal] PrivacyDeviceControl => "Sehen und löschen können Sie all das hier:", "You can see and delete all of it here:";
    #[legal] PrivacyServer => "Was die Stadt speichert", "What the city keeps";
    #[legal] PrivacyServerCases => "Ein abgeschickter Antrag wird mit Ihren Angaben und Dateien als Vorgang gespeichert und von der zuständigen Stelle bearbeitet.",
        "An application you send is kept as a case, with your answers and files, and dealt with by the office responsible.";
    #[legal] PrivacyServerUploads => "Hochgeladene Dateien, die zu keinem abgeschickten Antrag gehören, werden nach {days} Tagen gelöscht. Meldungen zu Barrieren werden nach spätestens einem Jahr gelöscht.",
        "Uploaded files that belong to no application sent are deleted after {days} days. Reports of barriers are deleted after one year at the latest.";
    #[legal] PrivacyPayment => "Bezahlen", "Paying";
    #[legal] PrivacyPaymentText => "Zum Bezahlen leitet die Anwendung Sie auf die Seite des Zahlungsdienstes weiter; Ihre Zahlungsdaten geben Sie nur dort ein.",
        "To pay, the app takes you to the payment service's page; you enter your payment details there only.";
    #[legal] PrivacyNoTracking => "Kein Tracking", "No tracking";
    #[legal] PrivacyNoTrackingText => "Diese Anwendung setzt nur dann ein Cookie, wenn Sie sich anmelden: ein Sitzungs-Cookie, das endet, wenn Sie sich abmelden (siehe „Anmeldung mit Ihrem Konto“). Sie wertet nicht aus, wie Sie sie nutzen, und lädt nichts von anderen Anbietern: Programm, Schriften und Bilder kommen vom Server der Stadt. Was Sie in die Suche schreiben, bleibt auf Ihrem Gerät.",
        "This app sets a cookie only when you log in: a session cookie that ends when you log out (see “Logging in with your account”). It does not track how you use it and loads nothing from other providers: its code, fonts and images come from the city's server. What you type into the search stays on your device.";
    #[legal] PrivacyRights => "Ihre Rechte", "Your rights";
    #[legal] PrivacyRightsIntro => "Sie haben das Recht auf", "You have the right to";
    #[legal] RightAccess => "Auskunft über Ihre Daten (Art. 15 DSGVO),", "access to your data (Article 15 GDPR),";
    #[legal] RightRectification => "Berichtigung (Art. 16 DSGVO),", "rectification (Article 16 GDPR),";
    #[legal] RightErasure => "Löschung (Art. 17 DSGVO),", "erasure (Article 17 GDPR),";
    #[legal] RightRestriction => "Einschränkung der Verarbeitung (Art. 18 DSGVO) und", "restriction of processing (Article 18 GDPR) and";
    #[legal] RightObjection => "Widerspruch aus Gründen, die sich aus Ihrer besonderen Situation ergeben (Art. 21 DSGVO).",
        "object on grounds relating to your particular situation (Article 21 GDPR).";
    #[legal] PrivacyRightsHow => "Wenden Sie sich dafür an die Stadt oder ihre Datenschutzbeauftragte (oben).", "To use them, contact the city or its data protection officer (above).";
    #[legal] PrivacyComplaint => "Sie können sich außerdem bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO):", "You can also complain to the supervisory authority (Article 77 GDPR):";
    PrivacyNoticeTitle => "Datenschutz", "Privacy";
    PrivacyNoticeWho => "Verantwortlich: {city}. Ihre Angaben werden nur verwendet, um Ihren Antrag zu bearbeiten.",
        "Controller: {city}. Your answers are used only to deal with your application.";
    PrivacyNoticeDevice => "Bis Sie den Antrag abschicken, bleiben sie auf diesem Gerät.", "Until you send the application, they stay on this device.";
    PrivacyNoticeLink => "Datenschutzerklärung lesen", "Read the privacy statement";
    #[legal] A11yIntro => "{city} ist bemüht, diese Anwendung im Einklang mit {law} barrierefrei zugänglich zu machen.",
        "{city} is committed to making this app accessible in accordance with {law}.";
    #[legal] A11yScope => "Diese Erklärung gilt für die Anwendung „Rathaus“ unter {address}.", "This statement applies to the app ‘Rathaus’ at {address}.";
    #[legal] A11yStatus => "Stand der Vereinbarkeit mit den Anforderungen", "Compliance status";
    #[legal] A11yFull => "Diese Anwendung ist mit den Anforderungen vollständig vereinbar.", "This app is fully compliant with the requirements.";
    #[legal] A11yPartial => "Diese Anwendung ist wegen der folgenden Unvereinbarkeiten teilweise mit den Anforderungen vereinbar.",
        "This app is partially compliant with the requirements because of the non-compliances listed below.";
    #[legal] A11yNone => "Diese Anwendung ist mit den Anforderungen nicht vereinbar.", "This app is not compliant with the requirements.";
    #[legal] A11yBarriers => "Nicht barrierefreie Inhalte", "Content that is not accessible";
    #[legal] A11yMade => "Erstellung dieser Erklärung", "Preparation of this statement";
    #[legal] A11yMadeOn => "Diese Erklärung wurde am {date} erstellt.", "This statement was prepared on {date}.";
    #[legal] A11yReviewedOn => "Sie wurde zuletzt am {date} überprüft.", "It was last reviewed on {date}.";
    #[legal] A11ySelf => "Sie beruht auf einer Selbstbewertung nach der Norm EN 301 549 (WCAG 2.1, Stufe AA).",
        "It is based on a self-assessment against the standard EN 301 549 (WCAG 2.1, level AA).";
    #[legal] A11yExternal => "Sie beruht auf einer Prüfung durch {assessor} nach der Norm EN 301 549 (WCAG 2.1, Stufe AA).",
        "It is based on a test by {assessor} against the standard EN 301 549 (WCAG 2.1, level AA).";
    #[legal] A11yFeedback => "Barrieren melden", "Reporting barriers";
    #[legal] A11yFeedbackText => "Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in anderer Form? Melden Sie es uns mit dem Formular oder auf einem dieser Wege:",
        "Have you found a barrier, or do you need content in another form? Tell us with the form or in one of these ways:";
    #[legal] A11yEnforcement => "Schlichtungs- und Durchsetzungsverfahren", "Conciliation and enforcement";
    #[legal] A11yEnforcementText => "Hilft Ihnen die Antwort auf Ihre Meldung nicht weiter, oder bekommen Sie keine, können Sie sich an diese Stelle wenden:",
        "If the answer to your report does not help you, or you get none, you can turn to this body:";
    #[legal] FeedbackTitle => "Barriere melden", "Report a barrier";
    #[legal] FeedbackIntro => "Beschreiben Sie, was Sie nicht nutzen konnten. Die Stadt prüft Ihre Meldung und antwortet Ihnen, wenn Sie angeben, wie.",
        "Describe what you could not use. The city looks into your report and answers you if you say how.";
    #[legal] FeedbackPageLabel => "Auf welcher Seite?", "On which page?";
    #[legal] FeedbackPageHint => "Die Adresse der Seite oder ihr Name, zum Beispiel „Hundesteuer, Schritt 2“.", "The page's address or its name, for example ‘Dog tax, step 2’.";
    #[legal] FeedbackDescriptionLabel => "Was ist passiert?", "What happened?";
    #[legal] FeedbackDescriptionHint => "Was wollten Sie tun, und was ging nicht? Nennen Sie gern Gerät, Browser und Hilfsmittel, etwa einen Screenreader. Höchstens 5000 Zeichen.",
        "What did you want to do, and what did not work? You may name your device, browser and assistive technology, such as a screen reader. 5000 characters at most.";
    #[legal] FeedbackContactLabel => "Wie können wir Ihnen antworten?", "How can we answer you?";
    #[legal] FeedbackContactHint => "E-Mail-Adresse, Telefonnummer oder Anschrift. Ohne Angabe können wir Ihnen nicht antworten.",
        "Email address, phone number or postal address. Without one we cannot answer you.";
    #[legal] FeedbackPrivacy => "Ihre Meldung und Ihr Kontakt werden nur verwendet, um die Barriere zu beheben und Ihnen zu antworten, und nach spätestens einem Jahr gelöscht.",
        "Your report and contact details are used only to remove the barrier and answer you, and are deleted after one year at the latest.";
    #[legal] FeedbackSend => "Meldung senden", "Send report";
    #[legal] FeedbackSending => "Meldung wird gesendet …", "Sending report …";
    #[legal] FeedbackPageRequired => "Geben Sie an, auf welcher Seite die Barriere ist", "Enter the page where the barrier is";
    #[legal] FeedbackDescriptionRequired => "Beschreiben Sie die Barriere", "Describe the barrier";
    #[legal] FeedbackOffline => "Keine Verbindung: Ihre Meldung wurde nicht gesendet. Sie ist noch da – senden Sie sie erneut, sobald die Verbindung wieder besteht.",
        "No connection: your report was not sent. It is still here – send it again once you are back online.";
    #[legal] FeedbackTooMany => "Von Ihrem Anschluss kamen in kurzer Zeit viele Meldungen. Versuchen Sie es in einer Stunde erneut, oder schreiben Sie uns eine E-Mail.",
        "Many reports came from your connection in a short time. Try again in an hour, or send us an email.";
    #[legal] FeedbackSentTitle => "Meldung gesendet", "Report sent";
    #[legal] FeedbackSentText => "Vielen Dank. Ihre Meldung ist eingegangen; ihre Referenz lautet {reference}.", "Thank you. Your report has arrived; its reference is {reference}.";
    #[legal] FeedbackAnother => "Weitere Barriere melden", "Report another barrier";

    // Generic field errors, used when a service author wrote no message of their own
    #[wizard] ErrRequiredText => "Geben Sie „{label}“ an", "Enter ‘{label}’";
    #[wizard] ErrRequiredChoice => "Wählen Sie bei „{label}“ eine Antwort aus", "Select an answer for ‘{label}’";
    #[wizard] ErrTooShort => "„{label}“ muss mindestens {limit} Zeichen lang sein", "{label} must be {limit} characters or more";
    ErrTooLong => "„{label}“ darf höchstens {limit} Zeichen lang sein", "{label} must be {limit} characters or fewer";
    ErrInvalidCharacters => "„{label}“ enthält Zeichen, die nicht erlaubt sind", "{label} contains characters that are not allowed";
    ErrInvalid => "Prüfen Sie Ihre Angabe bei „{label}“", "Check your answer to ‘{label}’";
    #[wizard] ErrNotAnOption => "Wählen Sie bei „{label}“ eine der angebotenen Antworten aus", "Select one of the options for ‘{label}’";
    #[wizard] ErrDateIncomplete => "„{label}“ muss Tag, Monat und Jahr enthalten", "{label} must include a day, month and year";
    #[wizard] ErrDateInvalid => "„{label}“ muss ein echtes Datum sein, zum Beispiel 27 3 1990", "{label} must be a real date, like 27 3 1990";
    #[wizard] ErrDateInFuture => "„{label}“ darf nicht in der Zukunft liegen", "{label} must be today or in the past";
    #[wizard] ErrDateTooRecent => "„{label}“ muss mindestens {limit} Jahre zurückliegen", "{label} must be at least {limit} years ago";
    #[wizard] ErrDateTooOld => "„{label}“ darf höchstens {limit} Jahre zurückliegen", "{label} must be within the last {limit} years";
    #[wizard] ErrDateTooEarly => "„{label}“ muss am {limit} oder später sein", "{label} must be on or after {limit}";
    #[wizard] ErrDateTooLate => "„{label}“ muss am {limit} oder früher sein", "{label} must be on or before {limit}";
    #[wizard] ErrInvalidTime => "Geben Sie „{label}“ als Uhrzeit ein, zum Beispiel 14:30", "Enter {label} as a time of day, like 14:30";
    #[wizard] ErrPatternMismatch => "„{label}“ hat nicht die richtige Form: Schreiben Sie es wie im Beispiel", "{label} is not in the right form: write it like the example";
    #[wizard] ErrStopped => "Diesen Antrag können Sie hier nicht stellen", "You cannot make this application here";
    #[wizard] ComputedPending => "Wird berechnet, sobald die Angaben dafür vollständig sind", "Worked out once the answers it needs are complete";
    #[wizard] ErrInvalidEmail => "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de",
        "Enter an email address in the correct format, like name@example.com";
    #[wizard] ErrInvalidPostcode => "Geben Sie eine Postleitzahl mit 5 Ziffern ein, zum Beispiel 44135", "Enter a postcode with 5 digits, like 44135";
    #[wizard] ErrPostcodeOutsideArea => "Die Postleitzahl bei „{label}“ gehört nicht zu Musterstadt: Geben Sie eine Anschrift in Musterstadt an",
        "The postcode for ‘{label}’ is not in Musterstadt: enter an address in Musterstadt";
    #[wizard] ErrUnknownField => "Diese Angabe gehört nicht zu diesem Antrag", "This answer is not part of this application";
    #[wizard] ErrRequiredFile => "Wählen Sie eine Datei für „{label}“ aus", "Select a file for ‘{label}’";
    #[wizard] ErrRequiredDeclaration => "Bestätigen Sie „{label}“", "Confirm ‘{label}’";
    #[wizard] ErrDateInPast => "„{label}“ darf nicht in der Vergangenheit liegen", "{label} must be today or in the future";
    #[wizard] ErrNotANumber => "„{label}“ muss eine Zahl sein, zum Beispiel 1250 oder 12,50", "{label} must be a number, like 1250 or 12.50";
    #[wizard] ErrTooManyDecimals => "„{label}“ darf höchstens {limit} Nachkommastellen haben", "{label} must have {limit} decimal places or fewer";
    #[wizard] ErrNumberTooSmall => "„{label}“ muss mindestens {limit} sein", "{label} must be {limit} or more";
    #[wizard] ErrNumberTooLarge => "„{label}“ darf höchstens {limit} sein", "{label} must be {limit} or less";
    #[wizard] ErrInvalidPhone => "Geben Sie eine Telefonnummer ein, zum Beispiel 0231 50 12345", "Enter a telephone number, like 0231 50 12345";
    #[wizard] ErrInvalidIban => "Geben Sie eine gültige IBAN ein, zum Beispiel DE89 3704 0044 0532 0130 00", "Enter a valid IBAN, like DE89 3704 0044 0532 0130 00";
    #[wizard] ErrInvalidTaxId => "Geben Sie Ihre 11-stellige Steuer-Identifikationsnummer ein, so wie sie auf Ihrem Steuerbescheid steht", "Enter your 11-digit tax identification number as shown on your tax assessment";
    #[wizard] ErrStreetMissing => "Geben Sie bei „{label}“ Straße und Hausnummer an", "Enter the street and house number for ‘{label}’";
    #[wizard] ErrPostcodeMissing => "Geben Sie bei „{label}“ die Postleitzahl an", "Enter the postcode for ‘{label}’";
    #[wizard] ErrTownMissing => "Geben Sie bei „{label}“ den Ort an", "Enter the town or city for ‘{label}’";
    #[wizard] ErrTooFew => "Bei „{label}“ brauchen wir mindestens {limit} Angaben", "‘{label}’ needs at least {limit} entries";
    #[wizard] ErrRankingGap => "Bei „{label}“ fehlt die {limit}. Wahl", "‘{label}’: choice {limit} is missing";
    #[wizard] ErrTooMany => "Bei „{label}“ sind höchstens {limit} Angaben möglich", "‘{label}’ can have at most {limit} entries";
    #[wizard] ErrFileType => "„{label}“ muss eine Datei dieser Art sein: {limit}", "{label} must be a file of this type: {limit}";
    #[wizard] ErrFileTooLarge => "„{label}“ darf höchstens {limit} groß sein", "{label} must be {limit} or smaller";
    #[wizard] ErrActiveContent => "Die Datei für „{label}“ enthält aktive Inhalte (etwa Skripte oder eingebettete Dateien) oder lässt sich nicht prüfen. Drucken Sie sie als PDF oder fotografieren Sie sie, und laden Sie das Ergebnis hoch",
        "The file for ‘{label}’ contains active content (such as scripts or embedded files) or cannot be checked. Print it to PDF or take a photo of it, and upload that instead";
    #[wizard] ErrMalwareFound => "In der Datei für „{label}“ wurde Schadsoftware gefunden. Sie wurde nicht angenommen. Prüfen Sie Ihr Gerät und wählen Sie eine andere Datei",
        "Malware was found in the file for ‘{label}’. It was not accepted. Check your device and choose another file";

    // Login with the city's account
    #[wizard] LogIn => "Anmelden", "Log in";
    #[wizard] LogOut => "Abmelden", "Log out";
    #[wizard] LoginAndStart => "Anmelden und beginnen", "Log in and start";
    #[wizard] LoggedInAs => "Angemeldet als {name}", "Logged in as {name}";
    #[wizard] LoginTitle => "Anmeldung", "Login";
    #[wizard] IdRequiredHigh => "Sie brauchen Ihren Personalausweis mit Online-Ausweisfunktion", "You need your German ID card with its online ID function";
    #[wizard] IdRequiredHighDetail => "Für diesen Antrag melden Sie sich mit dem Konto der Stadt an (zum Beispiel BundID) und weisen sich mit der Online-Ausweisfunktion aus. Namen und Geburtsdatum werden aus dem Ausweis übernommen.",
        "For this application you log in with the city's account (for example BundID) and identify yourself with the online ID function. Your names and date of birth are taken from the ID card.";
    #[wizard] IdRequiredSubstantial => "Sie brauchen ein Konto der Stadt mit sicherer Anmeldung", "You need a city account with a secure login";
    #[wizard] IdRequiredSubstantialDetail => "Für diesen Antrag melden Sie sich mit dem Konto der Stadt an, mit mindestens dem Vertrauensniveau „substanziell“ (zum Beispiel mit ELSTER-Zertifikat oder der Online-Ausweisfunktion).",
        "For this application you log in with the city's account, at least at the assurance level \"substantial\" (for example with an ELSTER certificate or the online ID function).";
    #[wizard] IdOptional => "Sie können sich mit dem Konto der Stadt anmelden: Dann werden Angaben aus Ihrem Konto übernommen, und der Antrag erscheint auf jedem Gerät unter „Meine Anträge“. Sie können den Antrag auch ohne Anmeldung stellen.",
        "You can log in with the city's account: your details are then taken from it, and the application appears under \"My applications\" on every device. You can also apply without logging in.";
    StartWithoutLogin => "Ohne Anmeldung beginnen", "Start without logging in";
    #[wizard] LoginNeededTitle => "Bitte melden Sie sich an", "Please log in";
    #[wizard] LoginNeededText => "Für diesen Antrag müssen Sie angemeldet sein. Ihre bisherigen Angaben bleiben auf diesem Gerät gespeichert.",
        "You must be logged in for this application. What you have entered so far stays saved on this device.";
    #[wizard] AssuranceTooLowText => "Sie sind mit dem Vertrauensniveau „{have}“ angemeldet. Für diesen Antrag brauchen Sie „{need}“: Melden Sie sich ab und mit der Online-Ausweisfunktion Ihres Personalausweises wieder an.",
        "You are logged in at the assurance level \"{have}\". This application needs \"{need}\": log out and log in again with the online ID function of your ID card.";
    #[wizard] AssuranceLow => "niedrig", "low";
    #[wizard] AssuranceSubstantial => "substanziell", "substantial";
    #[wizard] AssuranceHigh => "hoch", "high";
    #[wizard] FromLogin => "Aus Ihrer Anmeldung übernommen", "Taken from your login";
    #[wizard] FromLoginLocked => "Aus Ihrer Anmeldung übernommen. Diese Angabe können Sie hier nicht ändern.", "Taken from your login. You cannot change this here.";
    #[wizard] SessionUnknown => "Ob Sie angemeldet sind, konnte nicht geprüft werden.", "Whether you are logged in could not be checked.";
    #[wizard] LoginFailedTitle => "Die Anmeldung hat nicht geklappt", "Logging in did not work";
    #[wizard] LoginFailedCancelled => "Sie haben die Anmeldung abgebrochen. Sie sind nicht angemeldet.", "You cancelled the login. You are not logged in.";
    #[wizard] LoginFailedExpired => "Die Anmeldung hat zu lange gedauert oder wurde schon einmal verwendet. Bitte melden Sie sich erneut an.",
        "The login took too long or was used before. Please log in again.";
    #[wizard] LoginFailedUnavailable => "Der Anmeldedienst ist gerade nicht erreichbar. Versuchen Sie es später noch einmal. Anträge ohne Anmeldung können Sie weiter stellen.",
        "The login service cannot be reached right now. Try again later. You can still make applications that need no login.";
    #[wizard] LoginFailedRefused => "Die Antwort des Anmeldedienstes konnte nicht bestätigt werden. Zu Ihrer Sicherheit wurden Sie nicht angemeldet. Bitte versuchen Sie es erneut.",
        "The login service's answer could not be verified. For your safety you were not logged in. Please try again.";
    #[wizard] LoginFailedNotConfigured => "Hier ist keine Anmeldung eingerichtet. Anträge, die eine Anmeldung brauchen, können Sie hier nicht stellen.",
        "No login is set up here. Applications that need a login cannot be made here.";
    #[wizard] TryLoginAgain => "Erneut anmelden", "Log in again";
    AccountApplications => "Anträge aus Ihrem Konto werden auf jedem Gerät angezeigt, auf dem Sie angemeldet sind.", "Applications of your account are shown on every device where you are logged in.";
    #[wizard] LogoutFailed => "Die Abmeldung hat nicht geklappt. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.", "Logging out did not work. Check your connection and try again.";
    #[wizard] DraftsInAccount => "Entwurf auch in meinem Konto speichern, um auf einem anderen Gerät weiterzumachen", "Also keep the draft in my account, to go on on another device";
    #[wizard] DraftFromAccount => "Von einem anderen Gerät übernommen: {n} Angaben aus dem Entwurf in Ihrem Konto. Prüfen Sie sie, bevor Sie den Antrag senden.",
        "Taken from another device: {n} answers from the draft in your account. Check them before you send the application.";
    #[wizard] LoginKeptHeading => "Ihre Anmeldung", "Your login";
    #[wizard] LoginKept => "Dieses Gerät war mit dem Konto der Stadt angemeldet. Auf dem Gerät liegt dafür nur ein Cookie, das Skripte nicht lesen können; die Angaben aus Ihrer Anmeldung (Namen, Geburtsdatum und -ort, Anschrift, E-Mail-Adresse, Vertrauensniveau) hält der Server nur, solange die Anmeldung läuft: bis zum Abmelden, nach 30 Minuten ohne Nutzung, höchstens 8 Stunden. Anträge, die Sie angemeldet senden, gehören zu Ihrem Konto.",
        "This device was logged in with the city's account. For this the device keeps only a cookie that scripts cannot read; the server keeps the details from your login (names, date and place of birth, address, email address, assurance level) only while the login lasts: until you log out, after 30 minutes without use, 8 hours at most. Applications you send while logged in belong to your account.";
    #[wizard] DraftsInAccountOn => "Entwürfe werden auch in Ihrem Konto gespeichert (30 Tage), damit Sie auf einem anderen Gerät weitermachen können; „Alles löschen“ löscht sie dort mit.",
        "Drafts are also kept in your account (30 days), so that you can go on on another device; \"Delete everything\" deletes them there too.";
    #[wizard] DraftsInAccountOff => "Entwürfe bleiben nur auf diesem Gerät.", "Drafts stay on this device only.";
    #[wizard] LogoutNote => "Beim Abmelden werden die Anträge und Entwürfe Ihres Kontos von diesem Gerät entfernt.", "Logging out removes your account's applications and drafts from this device.";
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use rathaus_core::po::placeholders;

    #[test]
    fn every_text_exists_in_every_language_with_the_same_placeholders() {
        for key in Key::ALL {
            let de = key.german();
            assert!(!de.trim().is_empty(), "{key:?} has no German text");
            let en = key.english();
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(placeholders(en), placeholders(de), "{key:?} in English");
        }
    }
}
