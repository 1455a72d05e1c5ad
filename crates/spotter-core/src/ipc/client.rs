//! Writes what the command table (src-tauri/src/contract.rs) promises the window: the typed
//! TypeScript client `ui/src/commands.gen.ts` and the window's capability
//! `src-tauri/capabilities/main.json`. The table is read into [`CommandSpec`]s by
//! tests/contract.rs (through `include!`, with ts-rs naming each Rust type); this file only
//! turns them into text, so it needs no Tauri and no macro.

use std::collections::BTreeSet;

use serde_json::json;

use spotter_store::ErrorCode;

/// One command as the table declares it, its types already named in TypeScript.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    /// The Rust (and IPC) name, snake_case.
    pub name: &'static str,
    /// The `///` lines above it, without the slashes.
    pub docs: Vec<&'static str>,
    pub args: Vec<ArgSpec>,
    /// A progress channel the command sends to while it runs (`~ [events: T]`).
    pub channel: Option<ChannelSpec>,
    pub result: String,
}

#[derive(Debug, Clone)]
pub struct ArgSpec {
    /// One lowercase word: the Rust parameter, the IPC key and an error's `field` at once.
    pub name: &'static str,
    pub ts: String,
    /// The default as JSON text (`= false` in the table), which makes the argument optional.
    pub default: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ChannelSpec {
    pub name: &'static str,
    pub ts: String,
}

/// An app-wide event (`events {}` in the table): pushed by Rust through `emit::name`, heard in
/// the UI through `events.name.listen`.
#[derive(Debug, Clone)]
pub struct EventSpec {
    pub name: &'static str,
    pub docs: Vec<&'static str>,
    pub payload: String,
}

/// `clients_overview` → `clientsOverview`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// What is wrong with the table that the compiler cannot see: argument names Tauri would
/// rename (it expects camelCase keys), the same name twice.
pub fn problems(commands: &[CommandSpec], events: &[EventSpec]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for c in commands {
        if !seen.insert(c.name) {
            problems.push(format!("{} is declared twice", c.name));
        }
        let keys = c
            .args
            .iter()
            .map(|a| a.name)
            .chain(c.channel.iter().map(|ch| ch.name));
        for key in keys {
            if key.is_empty() || !key.chars().all(|ch| ch.is_ascii_lowercase()) {
                problems.push(format!(
                    "{}: argument {key} must be one lowercase word (the IPC key and the error's field)",
                    c.name
                ));
            }
        }
        let mut optional = false;
        for a in &c.args {
            if a.default.is_none() && optional {
                problems.push(format!(
                    "{}: {} follows an argument with a default",
                    c.name, a.name
                ));
            }
            optional |= a.default.is_some();
        }
    }
    for e in events {
        if !seen.insert(e.name) {
            problems.push(format!(
                "{} is both a command and an event, or two events",
                e.name
            ));
        }
    }
    problems
}

fn doc_comment(out: &mut String, indent: &str, docs: &[&str]) {
    let lines: Vec<&str> = docs
        .iter()
        .map(|d| d.strip_prefix(' ').unwrap_or(d))
        .collect();
    match lines.as_slice() {
        [] => {}
        [one] => out.push_str(&format!("{indent}/** {one} */\n")),
        many => {
            out.push_str(&format!("{indent}/**\n"));
            for line in many {
                out.push_str(&format!("{indent} * {line}\n").replace(" * \n", " *\n"));
            }
            out.push_str(&format!("{indent} */\n"));
        }
    }
}

/// The names a TypeScript type text refers to that come from bindings.ts.
fn referenced_types(ts: &str, into: &mut BTreeSet<String>) {
    const BUILT_IN: [&str; 4] = ["Array", "Record", "Partial", "Promise"];
    for word in ts.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if word.starts_with(|c: char| c.is_ascii_uppercase()) && !BUILT_IN.contains(&word) {
            into.insert(word.to_owned());
        }
    }
}

fn params(c: &CommandSpec, with_defaults: bool) -> String {
    let mut params: Vec<String> = c
        .args
        .iter()
        .map(|a| match (&a.default, with_defaults) {
            (Some(d), true) => format!("{} = {d}", a.name),
            (Some(_), false) => format!("{}?: {}", a.name, a.ts),
            (None, true) => a.name.to_owned(),
            (None, false) => format!("{}: {}", a.name, a.ts),
        })
        .collect();
    if let Some(ch) = &c.channel {
        params.push(if with_defaults {
            "onEvent".to_owned()
        } else {
            format!("onEvent?: (event: {}) => void", ch.ts)
        });
    }
    params.join(", ")
}

/// `ui/src/commands.gen.ts`: the interface, the client object built on `ipc.ts`'s `call`, each
/// command's argument object and result by IPC name (for the component tests' stand-in), the
/// error codes and the app-wide events.
pub fn client_ts(commands: &[CommandSpec], events: &[EventSpec]) -> String {
    let mut types = BTreeSet::from(["ErrorCode".to_owned()]);
    for c in commands {
        c.args
            .iter()
            .for_each(|a| referenced_types(&a.ts, &mut types));
        c.channel
            .iter()
            .for_each(|ch| referenced_types(&ch.ts, &mut types));
        referenced_types(&c.result, &mut types);
    }
    events
        .iter()
        .for_each(|e| referenced_types(&e.payload, &mut types));
    let has_channel = commands.iter().any(|c| c.channel.is_some());

    let mut out = String::from(
        "// Generated from src-tauri/src/contract.rs (the command table) by crates/spotter-core/tests/contract.rs.\n\
         // Do not edit: declare a command in the table and run `make bindings`; a test fails when this is stale.\n",
    );
    if !events.is_empty() {
        out.push_str("import { listen, type UnlistenFn } from '@tauri-apps/api/event';\n");
    }
    out.push_str(if has_channel {
        "import { call, Channel } from './ipc';\n"
    } else {
        "import { call } from './ipc';\n"
    });
    out.push_str("import type {\n");
    for t in &types {
        out.push_str(&format!("  {t},\n"));
    }
    out.push_str("} from './bindings';\n\n");

    out.push_str("/** Every code of the core's `ErrorCode` (`ErrorCode::ALL`). */\nexport const ERROR_CODES: readonly ErrorCode[] = [\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!("  {},\n", json!(code)));
    }
    out.push_str("];\n\n");

    out.push_str("/** Each command's arguments (keyed as the Rust parameters) and result, by IPC name. */\nexport interface CommandTypes {\n");
    for c in commands {
        let mut keys: Vec<String> = c
            .args
            .iter()
            .map(|a| format!("{}: {}", a.name, a.ts))
            .collect();
        if let Some(ch) = &c.channel {
            keys.push(format!("{}: Channel<{}>", ch.name, ch.ts));
        }
        let args = if keys.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {} }}", keys.join("; "))
        };
        out.push_str(&format!(
            "  {}: {{ args: {args}; result: {} }};\n",
            c.name, c.result
        ));
    }
    out.push_str("}\n\n");

    out.push_str("export interface Commands {\n");
    for c in commands {
        doc_comment(&mut out, "  ", &c.docs);
        out.push_str(&format!(
            "  {}: ({}) => Promise<{}>;\n",
            camel(c.name),
            params(c, false),
            c.result
        ));
    }
    out.push_str("}\n\n");

    out.push_str("export const commands: Commands = {\n");
    for c in commands {
        let mut keys: Vec<&str> = c.args.iter().map(|a| a.name).collect();
        let object = |keys: &[&str]| {
            if keys.is_empty() {
                String::new()
            } else {
                format!(", {{ {} }}", keys.join(", "))
            }
        };
        match &c.channel {
            None => out.push_str(&format!(
                "  {}: ({}) => call<{}>('{}'{}),\n",
                camel(c.name),
                params(c, true),
                c.result,
                c.name,
                object(&keys)
            )),
            Some(ch) => {
                keys.push(ch.name);
                out.push_str(&format!(
                    "  {}: ({}) => {{\n",
                    camel(c.name),
                    params(c, true)
                ));
                out.push_str(&format!(
                    "    const {} = new Channel<{}>();\n",
                    ch.name, ch.ts
                ));
                out.push_str(&format!(
                    "    if (onEvent) {}.onmessage = onEvent;\n",
                    ch.name
                ));
                out.push_str(&format!(
                    "    return call<{}>('{}'{});\n  }},\n",
                    c.result,
                    c.name,
                    object(&keys)
                ));
            }
        }
    }
    out.push_str("};\n\n");

    out.push_str("/** App-wide events Rust pushes (`emit::name` in src-tauri); each `listen` resolves with its unlisten. */\n");
    if events.is_empty() {
        out.push_str("export const events = {};\n");
    } else {
        out.push_str("export const events = {\n");
        for e in events {
            doc_comment(&mut out, "  ", &e.docs);
            out.push_str(&format!(
                "  {}: {{\n    listen: (handler: (payload: {p}) => void): Promise<UnlistenFn> =>\n      listen<{p}>('{}', (event) => handler(event.payload)),\n  }},\n",
                camel(e.name),
                e.name,
                p = e.payload
            ));
        }
        out.push_str("};\n");
    }
    out
}

/// `src-tauri/capabilities/main.json`: the window may call every command of the table and
/// nothing else; listening is granted only once there is an app-wide event to hear
/// (channels need no permission).
pub fn capability_json(commands: &[CommandSpec], events: &[EventSpec]) -> String {
    let mut permissions: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.name.replace('_', "-")))
        .collect();
    if !events.is_empty() {
        permissions.push("core:event:allow-listen".into());
        permissions.push("core:event:allow-unlisten".into());
    }
    // Written by hand to keep the keys in this order (serde_json's map would sort them).
    let list = |items: &[String]| {
        let lines: Vec<String> = items.iter().map(|p| format!("    {}", json!(p))).collect();
        format!("[\n{}\n  ]", lines.join(",\n"))
    };
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main\",\n  \"description\": {},\n  \"windows\": {},\n  \"permissions\": {}\n}}\n",
        json!("What the main window may call: Spotter's own commands and nothing else (no shell, no fs, no SQL). Generated from src-tauri/src/contract.rs by `make bindings`."),
        list(&["main".to_owned()]),
        list(&permissions),
    )
}
