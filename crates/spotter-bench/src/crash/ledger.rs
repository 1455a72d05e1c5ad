//! What the database must hold after a kill: every write the writer acknowledged (its call
//! had returned), and the one in flight either entirely or not at all. The ledger is the
//! expected state, kept across kills; after each kill it is compared with the whole
//! database, so a missing write and a write nobody made both fail.

use std::collections::BTreeMap;

use spotter_store::Database;

/// One line of the writer's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub ack: bool,
    pub seq: u64,
    pub kind: String,
    pub fields: Vec<String>,
}

impl Line {
    pub fn is_begin(&self) -> bool {
        !self.ack
    }
}

/// Whole lines only: a line cut off by the kill was never a complete acknowledgement.
pub fn parse(output: &[u8]) -> Result<Vec<Line>, String> {
    let text =
        std::str::from_utf8(output).map_err(|e| format!("writer output is not UTF-8: {e}"))?;
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => return Ok(Vec::new()),
    };
    complete
        .lines()
        .map(|l| {
            let mut parts = l.split('\t');
            let ack = match parts.next() {
                Some("begin") => false,
                Some("ack") => true,
                _ => return Err(format!("unexpected writer line {l:?}")),
            };
            let seq = parts
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| format!("no sequence number in {l:?}"))?;
            let kind = parts
                .next()
                .ok_or_else(|| format!("no kind in {l:?}"))?
                .to_owned();
            Ok(Line {
                ack,
                seq,
                kind,
                fields: parts.map(str::to_owned).collect(),
            })
        })
        .collect()
}

/// The expected state of everything the writers made.
#[derive(Debug, Default)]
pub struct Ledger {
    /// id → (name, notes)
    clients: BTreeMap<String, (String, String)>,
    /// title → (sessions, participants of each, sorted)
    bookings: BTreeMap<String, (u64, Vec<String>)>,
    /// id → (notes, live sets)
    logs: BTreeMap<String, (String, u64)>,
    /// id → (name, version)
    plans: BTreeMap<String, (String, u32)>,
}

/// What one kill's check found.
#[derive(Debug)]
pub struct Outcome {
    pub acknowledged: u64,
    /// Some(true) when the write in flight at the kill had committed, Some(false) when it
    /// had rolled back, None when no write was in flight.
    pub in_flight_committed: Option<bool>,
}

fn field<'a>(line: &'a Line, i: usize) -> Result<&'a str, String> {
    line.fields
        .get(i)
        .map(String::as_str)
        .ok_or_else(|| format!("{} {} lacks field {i}", line.kind, line.seq))
}

fn number<T: std::str::FromStr>(line: &Line, i: usize) -> Result<T, String> {
    field(line, i)?
        .parse()
        .map_err(|_| format!("{} {}: field {i} is not a number", line.kind, line.seq))
}

fn sorted_ids(list: &str) -> String {
    let mut ids: Vec<&str> = list.split(',').filter(|s| !s.is_empty()).collect();
    ids.sort_unstable();
    ids.join(",")
}

impl Ledger {
    /// Takes in one writer's output, resolves its write in flight against the database and
    /// compares the database with the whole ledger.
    pub async fn apply(&mut self, db: &Database, lines: &[Line]) -> Result<Outcome, String> {
        let mut acknowledged = 0;
        let mut pending: Option<&Line> = None;
        for line in lines {
            match (pending.take(), line.ack) {
                (None, false) => pending = Some(line),
                (Some(begin), true) if begin.seq == line.seq && begin.kind == line.kind => {
                    self.acknowledged(begin, line)?;
                    acknowledged += 1;
                }
                (before, _) => {
                    return Err(format!(
                        "writer lines out of order: {before:?} then {line:?}"
                    ))
                }
            }
        }
        let in_flight_committed = match pending {
            Some(begin) => Some(self.resolve_in_flight(db, begin).await?),
            None => None,
        };
        self.compare(db).await?;
        Ok(Outcome {
            acknowledged,
            in_flight_committed,
        })
    }

    fn acknowledged(&mut self, begin: &Line, ack: &Line) -> Result<(), String> {
        match begin.kind.as_str() {
            "client_create" => {
                self.clients.insert(
                    field(ack, 0)?.to_owned(),
                    (
                        field(begin, 0)?.to_owned(),
                        format!("created {}", begin.seq),
                    ),
                );
            }
            "client_edit" => {
                self.clients.insert(
                    field(begin, 0)?.to_owned(),
                    (field(begin, 1)?.to_owned(), field(begin, 2)?.to_owned()),
                );
            }
            "book" => {
                let count: u64 = number(begin, 1)?;
                let saved: u64 = number(ack, 0)?;
                if saved != count {
                    return Err(format!(
                        "booking {} saved {saved} sessions of {count}",
                        begin.seq
                    ));
                }
                self.bookings.insert(
                    field(begin, 0)?.to_owned(),
                    (count, vec![sorted_ids(field(begin, 2)?); count as usize]),
                );
            }
            "log_create" => {
                self.logs.insert(
                    field(ack, 0)?.to_owned(),
                    (field(begin, 1)?.to_owned(), number(begin, 2)?),
                );
            }
            "log_edit" => {
                self.logs.insert(
                    field(begin, 0)?.to_owned(),
                    (field(begin, 1)?.to_owned(), number(begin, 2)?),
                );
            }
            "plan_create" => {
                self.plans
                    .insert(field(ack, 0)?.to_owned(), (field(begin, 0)?.to_owned(), 1));
            }
            "plan_save" => {
                let base: u32 = number(begin, 2)?;
                let version: u32 = number(ack, 0)?;
                if version != base + 1 {
                    return Err(format!(
                        "plan save {} made version {version} on {base}",
                        begin.seq
                    ));
                }
                self.plans.insert(
                    field(begin, 0)?.to_owned(),
                    (field(begin, 1)?.to_owned(), version),
                );
            }
            other => return Err(format!("unknown write kind {other}")),
        }
        Ok(())
    }

    /// The write in flight when the kill came: whole or absent, never in between. Whatever
    /// it was, the ledger takes it in, so the next kill compares against the truth.
    async fn resolve_in_flight(&mut self, db: &Database, begin: &Line) -> Result<bool, String> {
        let q = |e: sqlx::Error| format!("reading the database: {e}");
        let half = |what: String| {
            Err(format!(
                "the write in flight ({} {}) is half there: {what}",
                begin.kind, begin.seq
            ))
        };
        match begin.kind.as_str() {
            "client_create" => {
                let found: Vec<(String, String)> =
                    sqlx::query_as("SELECT id, notes FROM clients WHERE name = ?")
                        .bind(field(begin, 0)?)
                        .fetch_all(db.pool())
                        .await
                        .map_err(q)?;
                match found.as_slice() {
                    [] => Ok(false),
                    [(id, notes)] => {
                        self.clients
                            .insert(id.clone(), (field(begin, 0)?.to_owned(), notes.clone()));
                        Ok(true)
                    }
                    _ => half(format!("{} clients of that name", found.len())),
                }
            }
            "client_edit" => {
                let id = field(begin, 0)?;
                let (name, notes): (String, String) =
                    sqlx::query_as("SELECT name, notes FROM clients WHERE id = ?")
                        .bind(id)
                        .fetch_one(db.pool())
                        .await
                        .map_err(q)?;
                let new = (field(begin, 1)?.to_owned(), field(begin, 2)?.to_owned());
                if (name.clone(), notes.clone()) == new {
                    self.clients.insert(id.to_owned(), new);
                    Ok(true)
                } else if self.clients.get(id) == Some(&(name.clone(), notes.clone())) {
                    Ok(false)
                } else {
                    half(format!("the client reads {name:?} / {notes:?}"))
                }
            }
            "book" => {
                let title = field(begin, 0)?;
                let count: u64 = number(begin, 1)?;
                let found: i64 =
                    sqlx::query_scalar("SELECT count(*) FROM sessions WHERE title = ?")
                        .bind(title)
                        .fetch_one(db.pool())
                        .await
                        .map_err(q)?;
                match found as u64 {
                    0 => Ok(false),
                    n if n == count => {
                        self.bookings.insert(
                            title.to_owned(),
                            (count, vec![sorted_ids(field(begin, 2)?); count as usize]),
                        );
                        Ok(true)
                    }
                    n => half(format!("{n} of {count} sessions")),
                }
            }
            "log_create" => {
                let found: Vec<String> =
                    sqlx::query_scalar("SELECT id FROM workout_logs WHERE notes = ?")
                        .bind(field(begin, 1)?)
                        .fetch_all(db.pool())
                        .await
                        .map_err(q)?;
                match found.as_slice() {
                    [] => Ok(false),
                    [id] => {
                        self.logs
                            .insert(id.clone(), (field(begin, 1)?.to_owned(), number(begin, 2)?));
                        Ok(true)
                    }
                    _ => half(format!("{} logs", found.len())),
                }
            }
            "log_edit" => {
                let id = field(begin, 0)?;
                let notes: String =
                    sqlx::query_scalar("SELECT notes FROM workout_logs WHERE id = ?")
                        .bind(id)
                        .fetch_one(db.pool())
                        .await
                        .map_err(q)?;
                if notes == field(begin, 1)? {
                    self.logs.insert(id.to_owned(), (notes, number(begin, 2)?));
                    Ok(true)
                } else {
                    // The set count is compared with the ledger below.
                    Ok(false)
                }
            }
            "plan_create" => {
                let found: Vec<String> = sqlx::query_scalar("SELECT id FROM plans WHERE name = ?")
                    .bind(field(begin, 0)?)
                    .fetch_all(db.pool())
                    .await
                    .map_err(q)?;
                match found.as_slice() {
                    [] => Ok(false),
                    [id] => {
                        self.plans
                            .insert(id.clone(), (field(begin, 0)?.to_owned(), 1));
                        Ok(true)
                    }
                    _ => half(format!("{} plans", found.len())),
                }
            }
            "plan_save" => {
                let id = field(begin, 0)?;
                let base: u32 = number(begin, 2)?;
                let version: i64 =
                    sqlx::query_scalar("SELECT current_version FROM plans WHERE id = ?")
                        .bind(id)
                        .fetch_one(db.pool())
                        .await
                        .map_err(q)?;
                if version == i64::from(base) + 1 {
                    self.plans
                        .insert(id.to_owned(), (field(begin, 1)?.to_owned(), base + 1));
                    Ok(true)
                } else {
                    // Anything else is caught by the comparison below.
                    Ok(false)
                }
            }
            other => Err(format!("unknown write kind {other}")),
        }
    }

    /// The database holds exactly what the ledger says: nothing lost, nothing extra.
    async fn compare(&self, db: &Database) -> Result<(), String> {
        let q = |e: sqlx::Error| format!("reading the database: {e}");
        let clients: BTreeMap<String, (String, String)> =
            sqlx::query_as::<_, (String, String, String)>(
                "SELECT id, name, notes FROM clients WHERE deleted_at IS NULL",
            )
            .fetch_all(db.pool())
            .await
            .map_err(q)?
            .into_iter()
            .map(|(id, name, notes)| (id, (name, notes)))
            .collect();
        differ("clients (id → name, notes)", &self.clients, &clients)?;

        let mut bookings: BTreeMap<String, (u64, Vec<String>)> = BTreeMap::new();
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT s.title, coalesce((SELECT group_concat(client_id, ',') FROM
                 (SELECT client_id FROM session_participants p
                   WHERE p.session_id = s.id AND p.deleted_at IS NULL ORDER BY client_id)), '')
             FROM sessions s WHERE s.deleted_at IS NULL ORDER BY s.title, s.start_utc",
        )
        .fetch_all(db.pool())
        .await
        .map_err(q)?;
        for (title, participants) in rows {
            let entry = bookings.entry(title).or_default();
            entry.0 += 1;
            entry.1.push(participants);
        }
        differ(
            "bookings (title → sessions, participants)",
            &self.bookings,
            &bookings,
        )?;

        let logs: BTreeMap<String, (String, u64)> = sqlx::query_as::<_, (String, String, i64)>(
            "SELECT l.id, l.notes, (SELECT count(*) FROM workout_sets w WHERE w.log_id = l.id AND w.deleted_at IS NULL)
             FROM workout_logs l WHERE l.deleted_at IS NULL",
        )
        .fetch_all(db.pool())
        .await
        .map_err(q)?
        .into_iter()
        .map(|(id, notes, sets)| (id, (notes, sets as u64)))
        .collect();
        differ("workout logs (id → notes, sets)", &self.logs, &logs)?;

        // A version count equal to the current version: no version lost or doubled.
        let plans: BTreeMap<String, (String, u32)> = sqlx::query_as::<_, (String, String, i64, i64)>(
            "SELECT p.id, p.name, p.current_version, (SELECT count(*) FROM plan_versions v WHERE v.plan_id = p.id)
             FROM plans p WHERE p.deleted_at IS NULL AND p.is_template = 0",
        )
        .fetch_all(db.pool())
        .await
        .map_err(q)?
        .into_iter()
        .map(|(id, name, current, versions)| {
            let version = if current == versions { current as u32 } else { u32::MAX };
            (id, (name, version))
        })
        .collect();
        differ(
            "plans (id → name, version; MAX = versions missing)",
            &self.plans,
            &plans,
        )?;
        Ok(())
    }
}

/// Names the first few differences between what was expected and what is there.
fn differ<V: PartialEq + std::fmt::Debug>(
    what: &str,
    expected: &BTreeMap<String, V>,
    found: &BTreeMap<String, V>,
) -> Result<(), String> {
    let mut problems = Vec::new();
    for (k, v) in expected {
        match found.get(k) {
            None => problems.push(format!("{k} missing (expected {v:?})")),
            Some(f) if f != v => problems.push(format!("{k}: expected {v:?}, found {f:?}")),
            _ => {}
        }
    }
    for (k, v) in found {
        if !expected.contains_key(k) {
            problems.push(format!("{k} not written by anyone: {v:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.truncate(5);
        Err(format!("{what}: {}", problems.join("; ")))
    }
}
