import type { Socket } from "socket.io";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import type { z } from "zod";
import type { AppContext } from "../app-context";
import { hasRole, RoleSchema } from "../contract/auth";
import { CollabAwarenessSchema, CollabJoinSchema, CollabLeaveSchema, collabRoom, CollabUpdateSchema } from "../contract/collab";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import type { ErrorCode } from "../contract/error-codes";
import { AppError } from "../errors";
import type { DeskServer } from "../realtime/socket-publisher";
import { editEntry } from "../contract/edit-rules";
import { runWorkflowAction } from "../stories/workflow-service";
import type { Role } from "../contract/auth";
import { ChunkAssembler } from "./chunks";
import { CollabHub, type CollabHubOptions } from "./collab-hub";

type DeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Ack = (result: unknown) => void;
type Reply = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } } | object;

const error = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function parse<T>(schema: z.ZodType<T>, payload: unknown): { data: T } | { failure: ReturnType<typeof error> } {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  return { failure: error("bad_request", `${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}`) };
}

/** Makes the story editable for `userId` (take) or says why it is not. */
async function enterEditing(ctx: AppContext, storyId: string, state: string, userId: string, role: Role): Promise<{ state: string } | ReturnType<typeof error>> {
  const entry = editEntry(state);
  if (entry.kind === "refuse") return error("invalid_state", entry.message);
  // Joining work in progress, or preparing a correction: the state stays as it is.
  if (entry.kind === "join" || entry.kind === "correction") return { state };
  if (entry.kind === "take") {
    try {
      // The take keeps the first desk version (in its own transaction).
      const taken = await runWorkflowAction(ctx, storyId, "take", { userId, role });
      return { state: taken.state };
    } catch (caught) {
      // Someone else took it a moment earlier: join them.
      const now = await ctx.store.stories.getStory(storyId);
      if (caught instanceof AppError && now?.state === "in_progress") return { state: now.state };
      throw caught;
    }
  }
  // Handed on (submitted, approved): joined as it is; the first change returns it to in_progress.
  return { state };
}

/**
 * Co-editing over the desk socket: `collab:join` (the Yjs sync: the client's state vector in, the
 * missing diff and the server's state vector out; `edit` takes an incoming story),
 * `collab:update` (stored, acknowledged, relayed to the story's room only; large updates in chunks),
 * `collab:awareness` (relayed volatile) and `collab:leave`. Returns the per-socket registration and the hub.
 */
export function attachCollab(ctx: AppContext, io: DeskServer, options: Partial<CollabHubOptions> = {}): { register: (socket: DeskSocket) => void; hub: CollabHub } {
  const hub = new CollabHub(ctx, io, options);
  const register = (socket: DeskSocket) => {
    const chunks = new ChunkAssembler();
    // One socket's commands run in the order they were sent (a join finishes before its updates).
    let chain: Promise<void> = Promise.resolve();
    const handle = (payload: unknown, ack: unknown, run: (payload: unknown) => Promise<Reply>) => {
      const reply = (result: Reply) => (typeof ack === "function" ? (ack as Ack)(result) : undefined);
      chain = chain
        .then(async () => reply(await run(payload)))
        .catch((caught: unknown) => {
          if (caught instanceof AppError) return reply(error(caught.code, caught.message));
          ctx.logger.error({ err: caught }, "co-editing command failed");
          reply(error("internal", "Something went wrong on the server; it has been logged."));
        });
    };

    socket.on("collab:join", (payload: unknown, ack?: unknown) =>
      handle(payload, ack, async () => {
        const parsed = parse(CollabJoinSchema, payload);
        if ("failure" in parsed) return parsed.failure;
        const { storyId, edit, stateVector } = parsed.data;
        const story = await ctx.store.stories.getStory(storyId);
        if (!story) return error("not_found", "No story with that id.");
        const role = RoleSchema.safeParse(socket.data.role);
        const mayEdit = role.success && hasRole(role.data, "editor");
        if (edit && !mayEdit) return error("forbidden", "Editing needs the editor role or higher; you can watch.");
        let state = story.state;
        if (edit) {
          const entered = await enterEditing(ctx, storyId, story.state, socket.data.userId, socket.data.role as Role);
          if ("ok" in entered) return entered;
          state = entered.state;
        }
        await socket.join(collabRoom(storyId));
        const joined = await hub.join(socket.id, socket.data.userId, storyId, edit === true, stateVector instanceof ArrayBuffer ? new Uint8Array(stateVector) : stateVector, state);
        if (!("ok" in joined && joined.ok)) return joined;
        // What the pane says of the story as the hub has it now (handed on meanwhile, say).
        const entry = editEntry(joined.state);
        return { ...joined, notice: edit && entry.kind === "handed_on" ? entry.message : null };
      }),
    );

    socket.on("collab:update", (payload: unknown, ack?: unknown) =>
      handle(payload, ack, async () => {
        const parsed = parse(CollabUpdateSchema, payload);
        if ("failure" in parsed) return parsed.failure;
        const { storyId, chunk } = parsed.data;
        const data = parsed.data.update instanceof ArrayBuffer ? new Uint8Array(parsed.data.update) : parsed.data.update;
        if (!chunk) return hub.update(socket.id, storyId, data);
        const whole = chunks.add(storyId, chunk, data);
        if (whole === "partial") return { ok: true };
        if ("error" in whole) return error("payload_too_large", whole.error);
        return hub.update(socket.id, storyId, whole);
      }),
    );

    socket.on("collab:awareness", (payload: unknown, ack?: unknown) =>
      handle(payload, ack, async () => {
        const parsed = parse(CollabAwarenessSchema, payload);
        if ("failure" in parsed) return parsed.failure;
        const { storyId } = parsed.data;
        const update = new Uint8Array(parsed.data.update instanceof ArrayBuffer ? parsed.data.update : parsed.data.update);
        try {
          const sent = hub.awareness(socket.id, storyId, update, (open) => applyAwarenessUpdate(open.awareness, update, socket.id));
          if (sent === "not_joined") return error("bad_request", "Join the story (collab:join) first.");
          return sent === "sent" ? { ok: true } : error("forbidden", "Only editors in the story (after Edit) show a caret.");
        } catch {
          return error("bad_request", "update: not an awareness update.");
        }
      }),
    );

    socket.on("collab:leave", (payload: unknown, ack?: unknown) =>
      handle(payload, ack, async () => {
        const parsed = parse(CollabLeaveSchema, payload);
        if ("failure" in parsed) return parsed.failure;
        await socket.leave(collabRoom(parsed.data.storyId));
        await hub.leave(socket.id, parsed.data.storyId);
        return { ok: true };
      }),
    );

    socket.on("disconnect", () => {
      chain = chain.then(() => hub.leaveAll(socket.id)).catch((caught: unknown) => ctx.logger.error({ err: caught }, "co-editing leave failed"));
    });
  };
  return { register, hub };
}
