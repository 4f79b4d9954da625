import { readdirSync, readlinkSync } from "node:fs";
import { ScratchMap, ScratchLines, ScratchSet } from "./scratch-db.js";

type Kind = "user_id" | "card";

test.each<{ added: Array<[Kind, string, number]>; kind: Kind; repeats: Array<[string, number[]]> }>([
  { added: [], kind: "card", repeats: [] },
  { added: [["card", "a", 1]], kind: "card", repeats: [] },
  {
    added: [
      ["card", "a", 1],
      ["card", "b", 2],
      ["card", "a", 3],
    ],
    kind: "card",
    repeats: [["a", [1, 3]]],
  },
  {
    // Lines in file order whatever the order added; a value of another kind is not a repeat.
    added: [
      ["card", "a", 5],
      ["user_id", "a", 1],
      ["card", "a", 2],
      ["card", "a", 9],
      ["card", "c", 4],
      ["card", "c", 3],
    ],
    kind: "card",
    repeats: [
      ["a", [2, 5, 9]],
      ["c", [3, 4]],
    ],
  },
  {
    added: [
      ["user_id", "x", 1],
      ["card", "x", 2],
    ],
    kind: "user_id",
    repeats: [],
  },
])("ScratchLines after $added: repeated $kind values are $repeats", ({ added, kind, repeats }) => {
  const lines = new ScratchLines<Kind>();
  for (const [k, value, line] of added) lines.add(k, value, line);
  expect([...lines.repeats(kind)]).toEqual(repeats);
});

test("ScratchLines: the values a line carries, a set of one kind, and no adding after the first look-up", () => {
  const lines = new ScratchLines<"user_id" | "card" | "person">();
  lines.add("user_id", "taro", 2);
  lines.add("card", "12/3456789/", 2);
  lines.add("person", "P1", 2);
  lines.add("card", "12/3456790/", 3);
  expect(lines.valuesOn(["card", "person"], 2).sort()).toEqual(["12/3456789/", "P1"]);
  expect(lines.valuesOn(["card", "person"], 4)).toEqual([]);
  const persons = lines.keySet("person");
  expect([persons.has("P1"), persons.has("taro"), persons.has("12/3456790/")]).toEqual([true, false, false]);
  expect(() => lines.add("card", "12/3456791/", 5)).toThrow(/after the first look-up/);
});

test("ScratchSet: add tells whether the value is new", () => {
  const set = new ScratchSet();
  expect([set.add("a"), set.add("b"), set.add("a")]).toEqual([true, true, false]);
  expect([set.has("a"), set.has("c")]).toEqual([true, false]);
  set.close();
  expect(() => set.has("a")).toThrow();
});

test("ScratchMap: values back as they were stored, by line", () => {
  const byLine = new ScratchMap<number, { digest: string; reasons: string[] }>();
  byLine.set(7, { digest: "d7", reasons: ["名前の変更"] });
  byLine.set(3, { digest: "d3", reasons: [] });
  expect(byLine.size).toBe(2);
  expect(byLine.get(7)).toEqual({ digest: "d7", reasons: ["名前の変更"] });
  expect(byLine.get(4)).toBeUndefined();
  expect(() => byLine.set(7, { digest: "again", reasons: [] })).toThrow();
});

/** The files this process holds open that are already gone from their directory. */
const unlinkedFiles = () =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).endsWith("(deleted)");
    } catch {
      return false;
    }
  }).length;

test("past its page cache a scratch database spills to a file already unlinked, and finds every value", () => {
  const before = unlinkedFiles();
  const set = new ScratchSet();
  const value = (i: number) => `${i}-0123456789abcdef0123456789abcdef`;
  // About 6 MiB of values: three times the cache.
  for (let i = 0; i < 150_000; i += 1) set.add(value(i));
  expect(unlinkedFiles()).toBeGreaterThan(before);
  expect([0, 74_999, 149_999].map((i) => set.has(value(i)))).toEqual([true, true, true]);
  expect([set.has(value(150_000)), set.add(value(42))]).toEqual([false, false]);
  set.close();
  expect(unlinkedFiles()).toBe(before);
});
