import { expect } from "vitest";
import type { TestServer } from "./test-server";

/** The fields of a ninjs 2.x text story that the queue tests vary. */
export interface NinjsFields {
  uri?: string;
  version?: number;
  headline?: string;
  body?: string;
  agency?: string;
  slugline?: string;
  byline?: string;
  language?: string;
  urgency?: number;
  subjects?: string[];
  keywords?: string[];
}

let counter = 0;

/** A ninjs 2.x text story with the queue's fields (agency as copyright holder, categories as subjects). */
export function ninjsQueueStory(fields: NinjsFields = {}): string {
  counter += 1;
  return JSON.stringify({
    uri: fields.uri ?? `urn:queue-test:${Date.now()}:${counter}:${Math.random().toString(36).slice(2)}`,
    version: String(fields.version ?? 1),
    type: "text",
    pubstatus: "usable",
    urgency: fields.urgency ?? 5,
    language: fields.language ?? "en",
    versioncreated: new Date().toISOString(),
    headlines: [{ role: "main", value: fields.headline ?? `Queue test story ${counter}` }],
    ...(fields.slugline ? { slugline: fields.slugline } : {}),
    ...(fields.byline ? { by: fields.byline } : {}),
    ...(fields.subjects ? { subjects: fields.subjects.map((name) => ({ name })) } : {}),
    ...(fields.keywords ? { keywords: fields.keywords } : {}),
    bodies: [{ role: "main", contenttype: "text/html", value: fields.body ?? `<p>Body of queue test story ${counter}.</p>` }],
    copyrightholder: fields.agency ?? "Testwire",
  });
}

/** Ingests stories one delivery each over the real ingest API; returns their ids in order. */
export async function ingestQueueStories(server: TestServer, stories: NinjsFields[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fields of stories) {
    const response = await server.ingest(ninjsQueueStory(fields));
    expect(response.status, await response.clone().text()).toBe(201);
    const body = (await response.json()) as { stories: { id: string }[] };
    ids.push(body.stories[0]!.id);
  }
  return ids;
}

/** Calls the API as a signed-in user and returns status and parsed JSON (null for an empty body). */
export async function callApi<T = unknown>(
  server: TestServer,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, origin: server.url, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
