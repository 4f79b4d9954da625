import { FirstAndRepeats } from "./first-and-repeats.js";

test.each([
  { added: [], key: "a", values: [], repeats: [] },
  { added: [["a", 1]], key: "a", values: [1], repeats: [] },
  {
    added: [
      ["a", 1],
      ["b", 2],
    ],
    key: "b",
    values: [2],
    repeats: [],
  },
  {
    added: [
      ["a", 1],
      ["b", 2],
      ["a", 3],
    ],
    key: "a",
    values: [1, 3],
    repeats: [["a", [1, 3]]],
  },
  {
    added: [
      ["a", 1],
      ["a", 2],
      ["a", 3],
    ],
    key: "a",
    values: [1, 2, 3],
    repeats: [["a", [1, 2, 3]]],
  },
  {
    added: [
      ["a", 0],
      ["a", 0],
    ],
    key: "a",
    values: [0, 0],
    repeats: [["a", [0, 0]]],
  },
] as Array<{ added: Array<[string, number]>; key: string; values: number[]; repeats: Array<[string, number[]]> }>)(
  "after $added: $key holds $values",
  ({ added, key, values, repeats }) => {
    const index = new FirstAndRepeats<string, number>();
    for (const [k, v] of added) index.add(k, v);
    index.add(undefined, 9);
    expect(index.get(key)).toEqual(values);
    expect([...index.repeats()]).toEqual(repeats);
    expect(new Set(index.keys())).toEqual(new Set(added.map(([k]) => k)));
    expect(Object.fromEntries(index.entries())).toEqual(
      Object.fromEntries(
        [...new Set(added.map(([k]) => k))].map((k) => [k, added.filter(([x]) => x === k).map(([, v]) => v)]),
      ),
    );
    expect(index.get(undefined)).toEqual([]);
  },
);
