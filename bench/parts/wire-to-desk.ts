import { ClientPool } from "../client-pool";
import { documentFormat } from "../documents";
import { createSessions, fetchLatestStory, postBroadcast, postDelivery, startBaselineServer, startDeskServer } from "../servers";
import { measureStream, streamLength, type StreamResult } from "../stream";
import { createStoryFactory } from "../text";

/**
 * Wire to desk: real NITF and ninjs deliveries POSTed to /api/ingest at a steady `rate` (open loop)
 * while one editor is connected; latency from each request's send to its story:upserted at the editor.
 * Also returns the summary Wiredesk pushed, so the baseline can broadcast the same payload.
 */
export async function measureWireToDesk(rate: number, seconds: number, warmupSeconds: number, settleMs: number): Promise<StreamResult & { pushedStory: Record<string, unknown> }> {
  const make = createStoryFactory(7);
  const formats = [documentFormat("nitf"), documentFormat("ninjs")];
  const bodies = Array.from({ length: streamLength(rate, seconds, warmupSeconds) }, (_, i) => formats[i % 2]!.write([make(`urn:bench:wire-to-desk:${i}`)]));
  const [server, pool] = await Promise.all([startDeskServer({ connections: 10 }), ClientPool.start(1)]);
  try {
    const [cookie] = await createSessions(server, 1);
    await pool.connect(server.url, [cookie!]);
    const result = await measureStream({
      server,
      pool,
      clients: 1,
      rate,
      seconds,
      warmupSeconds,
      settleMs,
      send: async (i, t0, clients) => {
        for (const guid of await postDelivery(server.url, bodies[i]!)) clients.sendT0(guid, t0);
      },
    });
    return { ...result, pushedStory: (await fetchLatestStory(server.url, cookie!)).story };
  } finally {
    await pool.stop();
    await server.stop();
  }
}

/** The same stream shape on the bare Socket.IO baseline (the same summary payload, broadcast over HTTP). */
export async function measureBaselineStream(rate: number, seconds: number, warmupSeconds: number, settleMs: number, story: Record<string, unknown>): Promise<StreamResult> {
  const [server, pool] = await Promise.all([startBaselineServer({ connections: 10 }), ClientPool.start(1)]);
  try {
    await pool.connect(server.url, [null]);
    return await measureStream({
      server,
      pool,
      clients: 1,
      rate,
      seconds,
      warmupSeconds,
      settleMs,
      send: async (i, t0, clients) => {
        const key = `urn:bench:stream-baseline:${i}`;
        const sent = postBroadcast(server.url, { seq: i + 1, story: { ...story, guid: key } });
        clients.sendT0(key, t0);
        await sent;
      },
    });
  } finally {
    await pool.stop();
    await server.stop();
  }
}
