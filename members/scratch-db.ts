import Database from "better-sqlite3";

/**
 * Indexes of a whole register or realm (100,000 members and more) kept off the heap, so that what
 * a sync holds in memory does not grow with the society (bench:sync-memory). Each is SQLite's
 * private temporary database (an empty file name): pages live in a small cache and spill to a file
 * that SQLite unlinks as soon as it opens it, so nothing is left behind on disk, not even by a
 * killed run, and nothing in it outlives the process. Never a journal of the run: the realm is that.
 */

export type ScratchDb = Database.Database;

/** Per database: what stays in memory, whatever the register's size. */
const CACHE_KIB = 2048;

export function scratchDb(): ScratchDb {
  const db = new Database("");
  db.pragma("temp_store = FILE");
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // Nothing is ever rolled back (a failed run drops the whole database), and a journal kept in
  // memory would grow with a long transaction: none at all.
  db.pragma("journal_mode = OFF");
  return db;
}

/** A set of strings, each one in memory only while it is looked at. */
export interface KeySet {
  has(value: string): boolean;
}

/** A KeySet to fill: add() tells whether the value is new. */
export class ScratchSet implements KeySet {
  private readonly insert;
  private readonly lookup;

  constructor(private readonly db: ScratchDb = scratchDb()) {
    db.exec("CREATE TABLE scratch_set (value TEXT PRIMARY KEY) WITHOUT ROWID");
    this.insert = db.prepare<[string]>("INSERT OR IGNORE INTO scratch_set (value) VALUES (?)");
    this.lookup = db.prepare<[string]>("SELECT 1 FROM scratch_set WHERE value = ?").pluck();
    // One transaction from start to close: a commit per value would cost more than the value.
    db.exec("BEGIN");
  }

  add(value: string): boolean {
    return this.insert.run(value).changes === 1;
  }

  has(value: string): boolean {
    return this.lookup.get(value) !== undefined;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * What was planned per register line (the rows to write, with their digests), for the second read.
 * Values go through JSON: plain data only.
 */
export class ScratchByLine<T> {
  private readonly insert;
  private readonly lookup;
  private count = 0;

  constructor(private readonly db: ScratchDb = scratchDb()) {
    db.exec("CREATE TABLE scratch_by_line (line INTEGER PRIMARY KEY, value TEXT NOT NULL)");
    this.insert = db.prepare<[number, string]>("INSERT INTO scratch_by_line (line, value) VALUES (?, ?)");
    this.lookup = db.prepare<[number], string>("SELECT value FROM scratch_by_line WHERE line = ?").pluck();
    db.exec("BEGIN");
  }

  set(line: number, value: T): void {
    this.insert.run(line, JSON.stringify(value));
    this.count += 1;
  }

  get(line: number): T | undefined {
    const value = this.lookup.get(line);
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  get size(): number {
    return this.count;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The register's lines by the values they carry (user IDs, cards, person numbers), for a first read
 * that must find every value seen twice without keeping the file's values in memory.
 */
export class ScratchLines<Kind extends string> {
  private readonly insert;
  private readonly repeated;
  private readonly onLine;
  private readonly lookup;
  private indexed = false;

  constructor(private readonly db: ScratchDb = scratchDb()) {
    db.exec("CREATE TABLE scratch_lines (kind TEXT NOT NULL, value TEXT NOT NULL, line INTEGER NOT NULL)");
    this.insert = db.prepare<[Kind, string, number]>("INSERT INTO scratch_lines (kind, value, line) VALUES (?, ?, ?)");
    this.repeated = db.prepare<[Kind, Kind], { value: string; line: number }>(
      `SELECT value, line FROM scratch_lines
       WHERE kind = ? AND value IN (SELECT value FROM scratch_lines WHERE kind = ? GROUP BY value HAVING count(*) > 1)
       ORDER BY value, line`,
    );
    this.onLine = db.prepare<[number], { kind: Kind; value: string }>(
      "SELECT kind, value FROM scratch_lines WHERE line = ?",
    );
    this.lookup = db
      .prepare<[Kind, string]>("SELECT 1 FROM scratch_lines WHERE kind = ? AND value = ? LIMIT 1")
      .pluck();
    // Loading is one transaction and the indexes come after it: far quicker than indexing row by row.
    db.exec("BEGIN");
  }

  add(kind: Kind, value: string, line: number): void {
    if (this.indexed) throw new Error("ScratchLines: add() after the first look-up");
    this.insert.run(kind, value, line);
  }

  private ready(): void {
    if (this.indexed) return;
    this.indexed = true;
    this.db.exec("COMMIT");
    this.db.exec("CREATE INDEX scratch_lines_value ON scratch_lines (kind, value, line)");
    this.db.exec("CREATE INDEX scratch_lines_line ON scratch_lines (line)");
  }

  /** Values of a kind on more than one line, each with its lines in file order. */
  *repeats(kind: Kind): Generator<[string, number[]]> {
    this.ready();
    let current: [string, number[]] | undefined;
    for (const { value, line } of this.repeated.iterate(kind, kind)) {
      if (current?.[0] === value) current[1].push(line);
      else {
        if (current) yield current;
        current = [value, [line]];
      }
    }
    if (current) yield current;
  }

  /** The values of these kinds that a line carries. */
  valuesOn(kinds: readonly Kind[], line: number): string[] {
    this.ready();
    return this.onLine
      .all(line)
      .filter((v) => kinds.includes(v.kind))
      .map((v) => v.value);
  }

  /** Whether any line carries a value of the kind, as a set to hand on. */
  keySet(kind: Kind): KeySet {
    this.ready();
    return { has: (value) => this.lookup.get(kind, value) !== undefined };
  }
}
