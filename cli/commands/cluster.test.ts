import { Command } from "commander";
import { registerCluster } from "./cluster.js";

describe("kenpo cluster start --nodes", () => {
  function parse(nodes: string): Promise<unknown> {
    const program = new Command("kenpo")
      .exitOverride()
      .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    registerCluster(program);
    return program.parseAsync(["cluster", "start", "--nodes", nodes], { from: "user" });
  }

  test.each(["0", "5", "two", "1.5"])(
    "refuses %s before starting anything, naming the allowed range",
    async (nodes) => {
      await expect(parse(nodes)).rejects.toMatchObject({
        code: "commander.invalidArgument",
        message: expect.stringContaining(`a whole number from 1 to 4, got "${nodes}"`),
      });
    },
  );
});
