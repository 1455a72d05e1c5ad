// The client CSV import commands of the in-memory stand-in, mirroring the Rust core
// (crates/spotter-core/src/import/) as far as the import dialog shows it: separator
// detection, quoted cells, the shared header list (data/csv_headers.json), first + last
// name, day- or month-first dates read from the values (asked when they cannot tell),
// duplicates by email, all rows or none unless only the valid rows are asked for.
import headerList from '../../../crates/spotter-core/data/csv_headers.json';
import type {
  AppError,
  Client,
  CsvDelimiter,
  CsvField,
  CsvImportRequest,
  CsvPreview,
  DateOrder,
  ImportReport,
  RowDuplicate,
  RowError,
} from '../bindings';
import { readUpload } from './dialogBackend';
import type { StandIn } from './standIn';

const SEPARATORS: [CsvDelimiter, string][] = [
  ['comma', ','],
  ['semicolon', ';'],
  ['tab', '\t'],
];

function invalidFile(message: string): AppError {
  return { code: 'invalid_file', message };
}

interface Row {
  line: number;
  cells: string[];
}

/** RFC 4180 with the core's leniency: quotes, doubled quotes, line breaks in quotes, CR/LF/CRLF. */
function parse(text: string, separator: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '') || rows.length === 0) rows.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c === '\r' ? (text[i + 1] === '\n' ? '' : '\n') : c;
      }
    } else if (c === '"') quoted = true;
    else if (c === separator) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function detect(text: string): CsvDelimiter {
  let best: [CsvDelimiter, number[]] = ['comma', [0, 0, 0]];
  for (const [name, separator] of SEPARATORS) {
    const [header, ...rest] = parse(text, separator);
    if (!header) continue;
    const width = header.cells.length;
    const score = [width > 1 ? 1 : 0, rest.slice(0, 50).filter((r) => r.cells.length === width).length, width];
    const better = score.findIndex((s, i) => s !== best[1][i]);
    if (better >= 0 && score[better]! > best[1][better]!) best = [name, score];
  }
  return best[0];
}

function readTable(base64: string, chosen: CsvDelimiter | null | undefined) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalidFile('the file is UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8") and try again');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidFile('the header row is not UTF-8 text; save the file as UTF-8 and try again');
  }
  const delimiter = chosen ?? detect(text);
  const [header, ...rows] = parse(text, SEPARATORS.find(([name]) => name === delimiter)![1]);
  const headers = header?.cells ?? [];
  if (headers.every((h) => h === '')) throw invalidFile('the CSV file is empty or has no header row');
  return { headers, rows, delimiter };
}

// ---- headers ----

const FOLD: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe' };

export function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/[łßøæœ]/g, (c) => FOLD[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const fieldFor = (key: string): CsvField | null =>
  (headerList.fields.find((f) => f.aliases.includes(key))?.field as CsvField | undefined) ?? null;

function fieldOf(header: string): CsvField | null {
  const key = normalise(header);
  const direct = fieldFor(key);
  if (direct) return direct;
  const google = /^(.+) \d+ value$/.exec(key);
  if (google) return fieldFor(google[1]!);
  for (const prefix of headerList.prefixes) {
    if (key.startsWith(`${prefix} `)) {
      const hit = fieldFor(key.slice(prefix.length + 1));
      if (hit) return hit;
    }
  }
  return null;
}

function guessMapping(headers: string[]): (CsvField | null)[] {
  const mapping: (CsvField | null)[] = [];
  for (const h of headers) {
    const f = fieldOf(h);
    mapping.push(f && !mapping.includes(f) ? f : null);
  }
  headers.forEach((h, i) => {
    if (mapping[i] !== 'name') return;
    const key = normalise(h);
    if (headerList.surnameBesideFirstName.includes(key) && mapping.includes('firstName') && !mapping.includes('lastName')) {
      mapping[i] = 'lastName';
    } else if (headerList.firstNameBesideLastName.includes(key) && mapping.includes('lastName') && !mapping.includes('firstName')) {
      mapping[i] = 'firstName';
    }
  });
  return mapping;
}

function checkMapping(mapping: (CsvField | null)[], columns: number) {
  if (mapping.length !== columns) {
    throw { code: 'validation', field: 'mapping', message: `the mapping has ${mapping.length} columns; the file has ${columns}` } satisfies AppError;
  }
  const chosen = mapping.filter((f): f is CsvField => f !== null);
  const twice = chosen.find((f, i) => chosen.indexOf(f) !== i);
  if (twice) throw { code: 'validation', field: 'mapping', message: `two columns are mapped to ${twice}; map each field once` } satisfies AppError;
  if (!chosen.some((f) => f === 'name' || f === 'firstName' || f === 'lastName')) {
    throw invalidFile("no column is recognised as the client's name; map one to Name, or to First name and Last name");
  }
}

// ---- dates ----

type Numeric = { a: number; b: number; year: number; sep: string };

function numeric(raw: string): Numeric | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(raw.trim());
  return m ? { a: Number(m[1]), b: Number(m[3]), year: Number(m[4]), sep: m[2]! } : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
};
const bothReadings = ({ a, b, year }: Numeric) => `${a} ${MONTHS[b - 1]} ${year} or ${b} ${MONTHS[a - 1]} ${year}`;

function dateReading(rows: Row[], column: number, header: string, chosen: DateOrder | null | undefined) {
  if (chosen) return { order: chosen, question: null };
  let day: [number, string] | null = null;
  let month: [number, string] | null = null;
  let ambiguous: [number, string] | null = null;
  let allDotted = true;
  for (const { line, cells } of rows) {
    const value = (cells[column] ?? '').trim();
    const n = numeric(value);
    if (!n) continue;
    if (n.a > 12 && n.b <= 12) day ??= [line, value];
    else if (n.b > 12 && n.a <= 12) month ??= [line, value];
    else if (n.a !== n.b && n.a <= 12 && n.b <= 12) {
      ambiguous ??= [line, value];
      allDotted &&= n.sep === '.';
    }
  }
  if (day && month) {
    return {
      order: null,
      question: `Column '${header}' mixes day-first dates ('${day[1]}' on line ${day[0]}) and month-first dates ('${month[1]}' on line ${month[0]}); choose how to read them`,
    };
  }
  if (day) return { order: 'dayFirst' as DateOrder, question: null };
  if (month) return { order: 'monthFirst' as DateOrder, question: null };
  if (ambiguous && allDotted) return { order: 'dayFirst' as DateOrder, question: null };
  if (ambiguous) {
    return {
      order: null,
      question: `Column '${header}': '${ambiguous[1]}' on line ${ambiguous[0]} could be ${bothReadings(numeric(ambiguous[1])!)}; choose how to read the dates`,
    };
  }
  return { order: null, question: null };
}

/** The date as YYYY-MM-DD, or the core's sentence saying why not. */
function toIso(raw: string, order: DateOrder | null): { date: string } | { error: string } {
  const value = raw.trim();
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const notDate = (how = '') => ({ error: `Date of birth '${value}' is not a date${how}` });
  if (isoMatch) {
    const date = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return date ? { date } : notDate();
  }
  const n = numeric(value);
  if (!n) return { error: `Date of birth '${value}' is not a date; write it as 31.12.1990, 31/12/1990, 12/31/1990 or 1990-12-31` };
  if (n.a !== n.b && !order) return { error: `Date of birth '${value}' could be ${bothReadings(n)}; choose the date order` };
  const date = order === 'monthFirst' ? iso(n.year, n.a, n.b) : iso(n.year, n.b, n.a);
  return date ? { date } : notDate(order === 'monthFirst' ? ' when read month first (US)' : ' when read day first');
}

// ---- rows ----

export function csvHandlers(
  clients: () => Map<string, Client>,
  addClient: (fields: Pick<Client, 'name' | 'email' | 'phone' | 'dateOfBirth'>) => void,
): StandIn {
  const check = (req: CsvImportRequest) => {
    const table = readTable(readUpload(req.file).base64, req.delimiter);
    const mapping = req.mapping ?? guessMapping(table.headers);
    return { table, mapping };
  };

  const checkRows = (req: CsvImportRequest, table: ReturnType<typeof readTable>, mapping: (CsvField | null)[]) => {
    const dobColumn = mapping.indexOf('dateOfBirth');
    const dates = dobColumn >= 0 ? dateReading(table.rows, dobColumn, table.headers[dobColumn]!, req.dateOrder) : { order: req.dateOrder ?? null, question: null };
    const today = new Date().toISOString().slice(0, 10);
    const emails = new Map([...clients().values()].filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.name]));
    const rows = table.rows.map(({ line, cells }) => {
      const value = (f: CsvField) => (mapping.indexOf(f) >= 0 ? (cells[mapping.indexOf(f)] ?? '') : '');
      const header = (f: CsvField) => (mapping.indexOf(f) >= 0 ? table.headers[mapping.indexOf(f)]! : null);
      const name = value('name') || [value('firstName'), value('lastName')].filter(Boolean).join(' ');
      const email = value('email').split(':::')[0]!.replace(/^\* /, '').trim();
      const fail = (field: CsvField, message: string, shown = value(field)): RowError => ({ line, field, column: header(field), value: shown, message });
      let error: RowError | null = null;
      let dateOfBirth = value('dateOfBirth').trim();
      if (dateOfBirth) {
        const read = toIso(dateOfBirth, dates.order);
        if ('error' in read) error = fail('dateOfBirth', read.error);
        else dateOfBirth = read.date;
      }
      if (!error && name === '') {
        const columns = (['name', 'firstName', 'lastName'] as CsvField[]).map(header).filter(Boolean);
        error = { line, field: 'name', column: columns.join(' + ') || null, value: '', message: 'Name is required' };
      } else if (!error && email && !email.includes('@')) {
        error = fail('email', `Email '${email}' is not valid: it has no @`);
      } else if (!error && dateOfBirth && dateOfBirth >= today) {
        error = fail('dateOfBirth', 'Date of birth must be in the past');
      }
      let duplicate: RowDuplicate | null = null;
      if (!error && email) {
        const of = emails.get(email.toLowerCase());
        if (of) duplicate = { line, name, duplicateOf: of, matched: 'email' };
        else emails.set(email.toLowerCase(), `line ${line}`);
      }
      return { line, name, email, phone: value('phone'), dateOfBirth, error, duplicate };
    });
    const duplicates = rows.flatMap((r) => (r.duplicate ? [r.duplicate] : []));
    const errors = rows.flatMap((r) => (r.error ? [r.error] : []));
    const report = (imported: number, dryRun: boolean): ImportReport => ({
      rows: rows.length,
      imported,
      dryRun,
      errors,
      duplicates,
      skippedDuplicates: req.importDuplicates ? 0 : duplicates.length,
      skippedInvalid: req.validRowsOnly ? errors.length : 0,
    });
    return { rows, report, dates };
  };

  return {
    clients_csv_preview: (args) => {
      const request = args.request as CsvImportRequest;
      const { table, mapping } = check(request);
      try {
        checkMapping(mapping, table.headers.length);
      } catch (e) {
        const usable = mapping.length === table.headers.length ? mapping : guessMapping(table.headers);
        return {
          headers: table.headers,
          mapping: usable,
          delimiter: table.delimiter,
          dateOrder: request.dateOrder ?? null,
          dateQuestion: null,
          sample: [],
          report: { rows: 0, imported: 0, dryRun: true, errors: [], duplicates: [], skippedDuplicates: 0, skippedInvalid: 0 },
          mappingError: (e as AppError).message,
        } satisfies CsvPreview;
      }
      const { rows, report, dates } = checkRows(request, table, mapping);
      return {
        headers: table.headers,
        mapping,
        delimiter: table.delimiter,
        dateOrder: dates.order,
        dateQuestion: dates.question,
        sample: rows.slice(0, 200).map((r) => ({
          line: r.line,
          name: r.name,
          email: r.email,
          phone: r.phone,
          dateOfBirth: r.dateOfBirth,
          error: r.error?.message ?? null,
          duplicateOf: r.duplicate ? `${r.duplicate.duplicateOf} (${r.duplicate.matched})` : null,
        })),
        report: report(0, true),
        mappingError: null,
      } satisfies CsvPreview;
    },
    clients_csv_import: (args) => {
      const request = args.request as CsvImportRequest;
      const { table, mapping } = check(request);
      checkMapping(mapping, table.headers.length);
      const { rows, report } = checkRows(request, table, mapping);
      const valid = rows.filter((r) => !r.error);
      if (valid.length === 0 || (valid.length < rows.length && !request.validRowsOnly)) return report(0, false);
      let imported = 0;
      for (const r of valid) {
        if (r.duplicate && !request.importDuplicates) continue;
        addClient({ name: r.name, email: r.email || null, phone: r.phone || null, dateOfBirth: r.dateOfBirth || null });
        imported += 1;
      }
      return report(imported, false);
    },
  };
}
