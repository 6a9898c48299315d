/** node:http adapter around GreenhouseSim.handle (the standalone simulator and integration tests). */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGreenhouseSim, type GreenhouseSim, type GreenhouseSimOptions } from "./core";

export interface StartGreenhouseSimOptions extends GreenhouseSimOptions {
  /** 0 picks a free port; then baseUrl is always the real URL. Default 4020. */
  port?: number;
  /** Default 127.0.0.1: the control API has no auth, so do not listen publicly. */
  host?: string;
}

export interface RunningGreenhouseSim {
  url: string;
  sim: GreenhouseSim;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function startGreenhouseSim(opts: StartGreenhouseSimOptions = {}): Promise<RunningGreenhouseSim> {
  const { port = 4020, host = "127.0.0.1", ...simOptions } = opts;
  // Created once the port is known (port 0), because links and signed URLs must carry the real URL.
  const holder: { sim?: GreenhouseSim } = {};

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Simulator error" }));
      simOptions.log?.(`greenhouse-sim: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sim = holder.sim;
    if (!sim) {
      res.writeHead(503).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ message: "Body too large" }));
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const method = req.method ?? "GET";
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
      method,
      headers,
      body: method === "GET" || method === "HEAD" || chunks.length === 0 ? undefined : Buffer.concat(chunks),
    });
    const response = await sim.handle(request);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    res.writeHead(response.status, out);
    if (method === "HEAD" || response.body === null) {
      res.end();
      return;
    }
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const realUrl = `http://${shownHost}:${address.port}`;
  const url = port === 0 ? realUrl : (simOptions.baseUrl?.replace(/\/+$/, "") ?? realUrl);
  const sim = createGreenhouseSim({ ...simOptions, baseUrl: url });
  holder.sim = sim;
  // With a real-time clock, retries fall due as time passes; nothing else would run them.
  const ticker = simOptions.realTimeClock ? setInterval(() => void sim.tick(), 250) : null;
  ticker?.unref();

  return {
    url,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (ticker) clearInterval(ticker);
        sim.dispose();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
