import Database from "better-sqlite3";

/**
 * Indexes of a whole register or realm (100,000 members and more) kept off the heap, so that what
 * the sync and the import hold in memory does not grow with the society (bench:sync-memory). Each is SQLite's
 * private temporary database (an empty file name): pages live in a small cache and spill to a file
 * that SQLite unlinks as soon as it opens it, so nothing is left behind on disk, not even by a
 * killed run, and nothing in it outlives the process. Never a journal of the run: the realm is that.
 * The files go to SQLITE_TMPDIR, else TMPDIR, else /var/tmp (about 54 MiB for 100,000 members).
 */

export type ScratchDb = Database.Database;

/** Per database: what stays in memory, whatever the register's size. */
const CACHE_KIB = 2048;

export function scratchDb(): ScratchDb {
  const db = new Database("");
  db.pragma("temp_store = FILE");
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // One transaction for the database's whole life: a commit per row would cost more than the row,
  // and nothing here is meant to outlive the process. Its rollback journal is a temporary file as
  // well, and pages the transaction adds are never journaled.
  db.exec("BEGIN");
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

/** A map whose values go through JSON (plain data only), for what is planned per row or per card. */
export class ScratchMap<K extends string | number, V> {
  private readonly insert;
  private readonly lookup;
  private count = 0;

  constructor(private readonly db: ScratchDb = scratchDb()) {
    db.exec("CREATE TABLE scratch_map (key PRIMARY KEY, value TEXT NOT NULL)");
    this.insert = db.prepare<[K, string]>("INSERT INTO scratch_map (key, value) VALUES (?, ?)");
    this.lookup = db.prepare<[K], string>("SELECT value FROM scratch_map WHERE key = ?").pluck();
  }

  /** A key is set once: planning a row or a card twice is a bug, not an update. */
  set(key: K, value: V): void {
    this.insert.run(key, JSON.stringify(value));
    this.count += 1;
  }

  get(key: K): V | undefined {
    const value = this.lookup.get(key);
    return value === undefined ? undefined : (JSON.parse(value) as V);
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
  }

  add(kind: Kind, value: string, line: number): void {
    if (this.indexed) throw new Error("ScratchLines: add() after the first look-up");
    this.insert.run(kind, value, line);
  }

  /** The indexes come after the rows: far quicker than indexing row by row. */
  private ready(): void {
    if (this.indexed) return;
    this.indexed = true;
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

  close(): void {
    this.db.close();
  }

  /** Whether any line carries a value of the kind, as a set to hand on (valid until close()). */
  keySet(kind: Kind): KeySet {
    this.ready();
    return { has: (value) => this.lookup.get(kind, value) !== undefined };
  }
}
