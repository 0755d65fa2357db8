// Drives `rsspot mcp` with the official TypeScript MCP SDK, as an independent client: it validates every
// structuredContent against the tool's outputSchema itself. Usage: node client.mjs <command> [args...]
// (the environment is passed through). Prints one JSON object with what it saw; exits 1 on an unexpected failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = process.argv.slice(2);
const transport = new StdioClientTransport({ command, args, env: process.env, stderr: "pipe" });
const client = new Client({ name: "rsspot-ts-test", version: "1.0.0" });
const report = { tools: 0, withOutputSchema: 0, calls: {}, errors: {} };

try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  report.tools = tools.length;
  report.withOutputSchema = tools.filter((t) => t.outputSchema?.type === "object").length;
  report.destructive = tools.filter((t) => t.annotations?.destructiveHint === true).map((t) => t.name).sort();

  const calls = {
    list_regions: {},
    list_server_classes: { limit: 3 },
    list_prices: { families: ["gp"], limit: 2 },
    get_price: { server_class: "gp.vs1.medium-dfw" },
    get_price_history: { server_class: "gp.vs1.medium-dfw", points: 5 },
    recommend_cluster: { nodes: 3, risk: "low" },
    list_cloudspaces: {},
    bid_guard_status: {},
  };
  for (const [name, callArgs] of Object.entries(calls)) {
    const result = await client.callTool({ name, arguments: callArgs });
    report.calls[name] = { isError: result.isError === true, structured: result.structuredContent !== undefined, text: result.content?.[0]?.text?.length ?? 0 };
  }

  const typo = await client.callTool({ name: "list_prices", arguments: { region: "us-central-dfw-1" } });
  report.errors.typo = { isError: typo.isError === true, text: typo.content?.[0]?.text };
  try {
    await client.callTool({ name: "list_region", arguments: {} });
    report.errors.unknownTool = { code: null };
  } catch (error) {
    report.errors.unknownTool = { code: error.code, message: error.message };
  }
} catch (error) {
  report.failure = String(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  await client.close().catch(() => {});
}

console.log(JSON.stringify(report));
