//! Client CSV import on files shaped like the ones trainers really have
//! (tests/fixtures/csv, written for Spotter): Excel in Germany, France, Spain, Italy, the
//! Netherlands and Poland, the exports of Google Contacts, Trainerize, TrueCoach, Mindbody
//! and PT Distinction, and a file of edge cases.

mod support;

use spotter_core::clients::{self, Client};
use spotter_core::import::{
    self, headers, CsvDelimiter, CsvField, CsvImportRequest, CsvOptions, DateOrder,
};
use spotter_store::{Database, ErrorCode};

use support::fresh;
use CsvField::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn everyone(db: &Database) -> Vec<Client> {
    clients::list(db, &Default::default()).await.unwrap()
}

/// (name, email, phone, date of birth) of every client, in name order.
async fn summary(db: &Database) -> Vec<(String, String, String, String)> {
    everyone(db)
        .await
        .into_iter()
        .map(|c| {
            (
                c.name,
                c.email.unwrap_or_default(),
                c.phone.unwrap_or_default(),
                c.date_of_birth.unwrap_or_default(),
            )
        })
        .collect()
}

fn row(n: &str, e: &str, p: &str, d: &str) -> (String, String, String, String) {
    (n.into(), e.into(), p.into(), d.into())
}

/// Previews with everything detected, checks the guess, imports, and returns the preview.
async fn import_detected(
    db: &Database,
    file: &str,
    mapping: &[Option<CsvField>],
    delimiter: CsvDelimiter,
) -> import::CsvPreview {
    let bytes = fixture(file);
    let options = CsvOptions::default();
    let preview = import::preview_csv(db, &bytes, &options, 100)
        .await
        .unwrap();
    assert_eq!(preview.mapping, mapping, "{file}: {:?}", preview.headers);
    assert_eq!(preview.delimiter, delimiter, "{file}");
    assert_eq!(preview.mapping_error, None, "{file}");
    assert!(
        preview.report.errors.is_empty(),
        "{file}: {:?}",
        preview.report.errors
    );
    let report = import::import_csv(db, &bytes, &options, false)
        .await
        .unwrap();
    assert_eq!(report.imported, report.rows, "{file}: {:?}", report.errors);
    preview
}

#[tokio::test]
async fn german_excel_semicolons_bom_crlf_and_dotted_dates() {
    let (_dir, db) = fresh().await;
    let p = import_detected(
        &db,
        "excel_de.csv",
        &[
            Some(FirstName),
            Some(LastName),
            Some(Email),
            Some(Phone),
            Some(DateOfBirth),
            Some(Notes),
        ],
        CsvDelimiter::Semicolon,
    )
    .await;
    assert_eq!(
        p.headers[0], "Vorname",
        "the byte-order mark is not part of the header"
    );
    assert_eq!(
        (p.date_order, p.date_question),
        (Some(DateOrder::DayFirst), None)
    );
    assert_eq!(
        p.sample[0].date_of_birth, "1985-04-03",
        "the preview shows the date as read"
    );
    assert_eq!(
        summary(&db).await,
        [
            row(
                "Anke Müller-Lüdenscheidt",
                "anke@example.de",
                "0171 7654321",
                "1990-11-17"
            ),
            row(
                "Jürgen Weiß",
                "juergen.weiss@example.de",
                "+49 170 1234567",
                "1985-04-03"
            ),
            row("Stefan Groß", "stefan.gross@example.de", "", ""),
        ]
    );
    let notes: Vec<String> = everyone(&db).await.into_iter().map(|c| c.notes).collect();
    assert_eq!(
        notes[0], "Morgens\nvor der Arbeit",
        "a quoted line break stays in the cell"
    );
    assert_eq!(
        notes[1], "Knie links; seit 2019",
        "a quoted separator stays in the cell"
    );
    assert_eq!(
        p.sample[2].line, 5,
        "a row after a quoted line break keeps its file line"
    );
}

#[tokio::test]
async fn french_spanish_italian_excel_files_split_their_names_correctly() {
    let (_dir, db) = fresh().await;
    let contact = [Some(Email), Some(Phone), Some(DateOfBirth), Some(Notes)];
    let split = |first, last| {
        let mut m = vec![Some(first), Some(last)];
        m.extend(contact);
        m
    };
    // French "Nom" beside "Prénom" is the surname; Spanish "Nombre" beside "Apellidos" and
    // Italian "Nome" beside "Cognome" are first names.
    for file in ["excel_fr.csv", "excel_es.csv", "excel_it.csv"] {
        let p = import_detected(
            &db,
            file,
            &split(FirstName, LastName),
            CsvDelimiter::Semicolon,
        )
        .await;
        assert_eq!(
            p.date_order,
            Some(DateOrder::DayFirst),
            "{file}: a day above 12 settles it"
        );
    }
    let names: Vec<(String, String)> = everyone(&db)
        .await
        .into_iter()
        .map(|c| (c.name, c.date_of_birth.unwrap_or_default()))
        .collect();
    let expect = [
        ("Élodie Lefèvre", "1988-12-25"),
        ("François Dupont", "1979-05-04"),
        ("Giulia Bianchi", "1995-06-30"),
        ("Íñigo Ibáñez", "1980-02-01"),
        ("Lucía García Pérez", "1992-02-13"),
        ("Niccolò Rossi", "1975-08-07"),
    ];
    for (name, dob) in expect {
        assert!(
            names.contains(&(name.to_owned(), dob.to_owned())),
            "{name} {dob} in {names:?}"
        );
    }
    let elodie = everyone(&db)
        .await
        .into_iter()
        .find(|c| c.name.starts_with("Élodie"))
        .unwrap();
    assert_eq!(
        elodie.notes, "Préfère \"le matin\"",
        "doubled quotes are one quote"
    );
}

#[tokio::test]
async fn dutch_tabs_and_polish_full_names() {
    let (_dir, db) = fresh().await;
    let p = import_detected(
        &db,
        "dutch.tsv",
        &[
            Some(FirstName),
            Some(LastName),
            Some(Email),
            Some(Phone),
            Some(DateOfBirth),
            Some(Notes),
        ],
        CsvDelimiter::Tab,
    )
    .await;
    assert_eq!(p.date_order, Some(DateOrder::DayFirst));
    import_detected(
        &db,
        "polish.csv",
        &[
            Some(Name),
            Some(Email),
            Some(Phone),
            Some(DateOfBirth),
            Some(Notes),
        ],
        CsvDelimiter::Comma,
    )
    .await;
    assert_eq!(
        summary(&db).await,
        [
            row("Daan Jansen", "daan@example.nl", "", "1987-03-02"),
            row("Paweł Wójcik", "pawel@example.pl", "", "1984-02-01"),
            row(
                "Sanne de Vries",
                "sanne@example.nl",
                "06-12345678",
                "1991-09-21"
            ),
            row(
                "Zofia Łukasiewicz",
                "zofia@example.pl",
                "+48 601 234 567",
                "1993-07-14"
            ),
        ]
    );
}

#[tokio::test]
async fn trainer_platform_exports() {
    let (_dir, db) = fresh().await;
    import_detected(
        &db,
        "trainerize.csv",
        &[Some(FirstName), Some(LastName), Some(Email), Some(Phone)],
        CsvDelimiter::Comma,
    )
    .await;
    // TrueCoach: "Client …" columns; the coach's email and the program are not the client's.
    import_detected(
        &db,
        "truecoach.csv",
        &[
            Some(Email),
            Some(FirstName),
            Some(LastName),
            None,
            None,
            Some(Tags),
            None,
            None,
            None,
        ],
        CsvDelimiter::Comma,
    )
    .await;
    // Mindbody (US): the first phone column is used; 12/25/1985 makes the file month-first.
    let p = import_detected(
        &db,
        "mindbody_us.csv",
        &[
            None,
            Some(FirstName),
            Some(LastName),
            Some(Email),
            Some(Phone),
            None,
            Some(DateOfBirth),
            None,
            None,
        ],
        CsvDelimiter::Comma,
    )
    .await;
    assert_eq!(p.date_order, Some(DateOrder::MonthFirst));
    let all = summary(&db).await;
    for expected in [
        row("Ava Martinez", "ava@example.com", "", ""),
        row(
            "Emma Johnson",
            "emma@example.com",
            "(415) 555-0134",
            "1990-07-04",
        ),
        row("James Lee", "james@example.com", "", "1985-12-25"),
        row("Olivia Brown", "olivia@example.com", "+1 415 555 0101", ""),
        row("Sofia Garcia", "sofia@example.com", "", "1979-03-08"),
    ] {
        assert!(all.contains(&expected), "{expected:?} in {all:?}");
    }
    assert_eq!(all.len(), 7);
    let ava = everyone(&db)
        .await
        .into_iter()
        .find(|c| c.name == "Ava Martinez")
        .unwrap();
    assert_eq!(ava.tags, ["Online"]);
}

#[tokio::test]
async fn google_contacts_numbered_columns_and_multi_values() {
    let (_dir, db) = fresh().await;
    let bytes = fixture("google_contacts.csv");
    let preview = import::preview_csv(&db, &bytes, &CsvOptions::default(), 100)
        .await
        .unwrap();
    let mapped: Vec<(&str, CsvField)> = preview
        .headers
        .iter()
        .zip(&preview.mapping)
        .filter_map(|(h, m)| m.map(|m| (h.as_str(), m)))
        .collect();
    assert_eq!(
        mapped,
        [
            ("First Name", FirstName),
            ("Last Name", LastName),
            ("Birthday", DateOfBirth),
            ("Notes", Notes),
            ("Labels", Tags),
            ("E-mail 1 - Value", Email),
            ("Phone 1 - Value", Phone),
        ]
    );
    // A birthday without a year is not a date of birth: said, never dropped silently.
    let errors = &preview.report.errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (
            errors[0].line,
            errors[0].column.as_deref(),
            errors[0].value.as_deref()
        ),
        (3, Some("Birthday"), Some("--03-14"))
    );
    assert!(
        errors[0].message.contains("has no year"),
        "{}",
        errors[0].message
    );

    let options = CsvOptions {
        valid_rows_only: true,
        ..Default::default()
    };
    let report = import::import_csv(&db, &bytes, &options, false)
        .await
        .unwrap();
    assert_eq!((report.imported, report.skipped_invalid), (2, 1));
    let all = everyone(&db).await;
    let maya = all.iter().find(|c| c.name == "Maya Okafor").unwrap();
    assert_eq!(
        maya.email.as_deref(),
        Some("maya@example.com"),
        "the first of 'a ::: b'"
    );
    assert_eq!(
        maya.tags,
        ["Clients"],
        "Google's own labels (* myContacts) are left out"
    );
    let priya = all.iter().find(|c| c.name == "Priya Nair").unwrap();
    assert_eq!(
        (priya.notes.as_str(), priya.tags.as_slice()),
        ("Shoulder\n(left)", &["VIP".to_owned()][..])
    );
}

#[tokio::test]
async fn ambiguous_dates_ask_the_trainer_and_are_never_misread() {
    let (_dir, db) = fresh().await;
    let bytes = fixture("pt_distinction_uk.csv");
    let preview = import::preview_csv(&db, &bytes, &CsvOptions::default(), 100)
        .await
        .unwrap();
    assert_eq!(preview.date_order, None);
    let question = preview.date_question.unwrap();
    assert!(
        question.contains("'03/04/1990' on line 2 could be 3 April 1990 or 4 March 1990"),
        "{question}"
    );
    // Every row with such a date is blocked until the trainer chooses; nothing is written.
    let report = import::import_csv(&db, &bytes, &CsvOptions::default(), false)
        .await
        .unwrap();
    assert_eq!((report.imported, report.errors.len()), (0, 2));
    assert!(report.errors[0].message.contains("choose the date order"));
    assert_eq!(report.errors[1].value.as_deref(), Some("11/10/1986"));
    assert!(everyone(&db).await.is_empty());

    let uk = CsvOptions {
        date_order: Some(DateOrder::DayFirst),
        ..Default::default()
    };
    let report = import::import_csv(&db, &bytes, &uk, false).await.unwrap();
    assert_eq!(report.imported, 2, "{:?}", report.errors);
    let dobs: Vec<String> = everyone(&db)
        .await
        .into_iter()
        .filter_map(|c| c.date_of_birth)
        .collect();
    assert_eq!(dobs, ["1990-04-03", "1986-10-11"]);

    // A file that mixes both orders is not settled by either value: the trainer chooses, and
    // the value that does not fit the choice is an error naming it.
    let bytes = fixture("mixed_dates.csv");
    let preview = import::preview_csv(&db, &bytes, &CsvOptions::default(), 100)
        .await
        .unwrap();
    assert!(preview
        .date_question
        .unwrap()
        .contains("mixes day-first dates ('25/12/1990' on line 2)"));
    let us = CsvOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..Default::default()
    };
    let preview = import::preview_csv(&db, &bytes, &us, 100).await.unwrap();
    assert_eq!(preview.report.errors.len(), 1);
    let e = &preview.report.errors[0];
    assert_eq!(
        (e.line, e.column.as_deref(), e.value.as_deref()),
        (2, Some("Date of birth"), Some("25/12/1990"))
    );
    assert!(
        e.message.contains("not a date when read month first"),
        "{}",
        e.message
    );
}

#[tokio::test]
async fn edge_cases_all_or_nothing_then_valid_rows_only() {
    let (_dir, db) = fresh().await;
    let bytes = fixture("tricky.csv");
    let report = import::import_csv(&db, &bytes, &CsvOptions::default(), false)
        .await
        .unwrap();
    assert_eq!((report.rows, report.imported), (11, 0));
    assert!(everyone(&db).await.is_empty(), "nothing half-imported");
    let errors: Vec<(u64, &str, &str, &str)> = report
        .errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.field.as_deref().unwrap_or(""),
                e.column.as_deref().unwrap_or(""),
                e.value.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (6, "email", "Email", "carla-at-example.com"),
            (7, "dateOfBirth", "Date of birth", "1990-02-31"),
            (8, "dateOfBirth", "Date of birth", "2099-01-01"),
            (9, "name", "Name", ""),
        ]
    );
    assert!(report.errors[2].message.contains("in the past"));
    // Same email in another case: a duplicate of the earlier row, skipped by default.
    let dups: Vec<(u64, &str)> = report
        .duplicates
        .iter()
        .map(|d| (d.line, d.duplicate_of.as_str()))
        .collect();
    assert_eq!(dups, [(5, "line 3")]);

    let options = CsvOptions {
        valid_rows_only: true,
        ..Default::default()
    };
    let report = import::import_csv(&db, &bytes, &options, false)
        .await
        .unwrap();
    assert_eq!(
        (
            report.imported,
            report.skipped_invalid,
            report.skipped_duplicates
        ),
        (6, 4, 1)
    );
    let names: Vec<String> = everyone(&db).await.into_iter().map(|c| c.name).collect();
    for name in [
        "Okafor, Maya",
        "Ben Stone",
        "王芳",
        "山田 太郎",
        "ليلى حداد",
        "נועה לוי",
    ] {
        assert!(names.contains(&name.to_owned()), "{name} in {names:?}");
    }
    assert_eq!(names.len(), 6);
    let ben = everyone(&db)
        .await
        .into_iter()
        .find(|c| c.name == "Ben Stone")
        .unwrap();
    assert_eq!(ben.notes, "Line one\nline two");
    let maya = everyone(&db)
        .await
        .into_iter()
        .find(|c| c.name == "Okafor, Maya")
        .unwrap();
    assert_eq!(maya.notes, "Says \"call me Mai\"");
}

#[tokio::test]
async fn the_separator_and_mapping_can_be_overridden() {
    let (_dir, db) = fresh().await;
    let bytes = fixture("excel_de.csv");
    // Read as commas the German file is one column nobody can name: shown, not refused.
    let comma = CsvOptions {
        delimiter: Some(CsvDelimiter::Comma),
        ..Default::default()
    };
    let preview = import::preview_csv(&db, &bytes, &comma, 100).await.unwrap();
    assert_eq!(
        (preview.delimiter, preview.headers.len()),
        (CsvDelimiter::Comma, 1)
    );
    assert!(preview.mapping_error.unwrap().contains("client's name"));
    let err = import::import_csv(&db, &bytes, &comma, false)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidFile);

    // A full name in one column and first/last in others: the full name wins where it is filled.
    let csv = b"Name,First name,Last name,Email\nAnna Berg,,,\n,Ben,Stone,\n,,,x@example.com\n";
    let preview = import::preview_csv(&db, csv, &CsvOptions::default(), 10)
        .await
        .unwrap();
    assert_eq!(
        preview.mapping,
        [Some(Name), Some(FirstName), Some(LastName), Some(Email)]
    );
    let names: Vec<&str> = preview.sample.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Ben Stone", ""]);
    let e = &preview.report.errors[0];
    assert_eq!(
        (e.line, e.column.as_deref()),
        (4, Some("Name + First name + Last name"))
    );

    // A request from the dialog carries the same choices.
    let req = CsvImportRequest {
        file: spotter_files::upload::FileUpload {
            name: "x.csv".into(),
            base64: base64_of(&fixture("pt_distinction_uk.csv")),
            path: None,
        },
        date_order: Some(DateOrder::MonthFirst),
        ..Default::default()
    };
    let report = import::import_clients_mapped(&db, &req).await.unwrap();
    assert_eq!(report.imported, 2);
    let harriet = everyone(&db)
        .await
        .into_iter()
        .find(|c| c.name == "Harriet Cole")
        .unwrap();
    assert_eq!(harriet.date_of_birth.as_deref(), Some("1990-03-04"));
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn utf16_files_are_named_as_such() {
    let (_dir, db) = fresh().await;
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Name\nAnna\n".encode_utf16().flat_map(u16::to_le_bytes));
    let err = import::preview_csv(&db, &utf16, &CsvOptions::default(), 10)
        .await
        .unwrap_err();
    assert!(
        err.message.contains("UTF-16") && err.message.contains("UTF-8"),
        "{}",
        err.message
    );
}

#[test]
fn the_header_list_is_normalised_and_unambiguous() {
    let list = headers::aliases().unwrap();
    let mut seen: Vec<(&str, CsvField)> = Vec::new();
    for (field, alias) in list.all() {
        assert_eq!(
            headers::normalise(alias),
            alias,
            "write '{alias}' normalised"
        );
        if let Some((_, other)) = seen.iter().find(|(a, _)| *a == alias) {
            panic!("'{alias}' is listed for both {other:?} and {field:?}");
        }
        seen.push((alias, field));
    }
    for field in CsvField::ALL {
        assert!(
            seen.iter().any(|(_, f)| *f == field),
            "{field:?} has no header"
        );
    }
}

#[test]
fn headers_in_every_language_are_guessed() {
    let guess = |h: &[&str]| {
        import::guess_mapping(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    };
    let cases: [(&[&str], &[Option<CsvField>]); 8] = [
        (
            &["Name", "E-Mail", "Telefon", "Geburtstag"],
            &[Some(Name), Some(Email), Some(Phone), Some(DateOfBirth)],
        ),
        (&["Vorname", "Name"], &[Some(FirstName), Some(LastName)]),
        (&["Nom", "Courriel"], &[Some(Name), Some(Email)]),
        (&["Nombre", "Correo"], &[Some(Name), Some(Email)]),
        (
            &["Naam", "Geboortedatum", "Doelen"],
            &[Some(Name), Some(DateOfBirth), Some(Goals)],
        ),
        (
            &["Imię", "Nazwisko", "Urodziny"],
            &[Some(FirstName), Some(LastName), Some(DateOfBirth)],
        ),
        (
            &["Nominativo", "Obiettivi", "Infortuni"],
            &[Some(Name), Some(Goals), Some(Injuries)],
        ),
        (
            &[
                "Full Name",
                "Emergency Contact",
                "Emergency Phone",
                "Client Type",
            ],
            &[
                Some(Name),
                Some(EmergencyContactName),
                Some(EmergencyContactPhone),
                None,
            ],
        ),
    ];
    for (headers, expected) in cases {
        assert_eq!(guess(headers), expected, "{headers:?}");
    }
}
