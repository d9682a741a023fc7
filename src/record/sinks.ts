/**
 * Where an export's bytes go, so a long export never holds the whole file in memory:
 *   file    a file the user picked (File System Access: showSaveFilePicker), written as it is encoded
 *   opfs    the origin-private file system (disk, no picker), handed over as a download at the end
 *   page    a function the headless renderer put on the page (scripts/render.mjs): chunks leave the page
 *   memory  in memory, downloaded at the end (only where neither file system is available)
 * Each gives mediabunny a WritableStream of positioned chunks (StreamTarget), which closes it on
 * finalize; abort() drops what was written.
 */
import type { StreamTargetChunk } from 'mediabunny'

export type SinkKind = 'file' | 'opfs' | 'page' | 'memory'

export const SINK_LABELS: Record<SinkKind, string> = {
  file: 'streamed to the file you chose',
  opfs: "streamed to the browser's private disk storage, downloaded when done",
  page: 'streamed out of the page to the headless renderer',
  memory: 'held in memory (this browser has no file system access): very long exports may not fit',
}

export interface Sink {
  kind: SinkKind
  writable: WritableStream<StreamTargetChunk>
  /** Bytes written so far (the file's current length). */
  bytes(): number
  /** After the stream closed: hand the file to the user (download), where that is needed. */
  deliver(fileName: string, mime: string): Promise<void>
  abort(): Promise<void>
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (o: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>
}

declare global {
  interface Window {
    /** Installed by scripts/render.mjs (page.exposeFunction): writes base64 bytes at a byte offset of the output file. */
    __terawattRenderWrite?: (position: number, base64: string) => Promise<void>
    /** Installed by scripts/render.mjs: progress lines on its stderr. */
    __terawattRenderProgress?: (p: import('./recorder').ExportProgress) => void
  }
}

/** Whether the private file system can be written from this page (a FileSystemFileHandle with createWritable). */
export function canWriteOpfs(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    typeof FileSystemFileHandle.prototype.createWritable === 'function'
  )
}

/**
 * The sink an export from the panel will use, decided as openSink decides (for the text shown
 * before an export): the file picked in the save dialog, else the private file system, else memory.
 * (OPFS can still fail to open, e.g. storage full or a private window: openSink then falls to memory,
 * and the progress line says so.)
 */
export function plannedSink(): SinkKind {
  if (canPickFile()) return 'file'
  if (typeof window !== 'undefined' && window.__terawattRenderWrite) return 'page'
  return canWriteOpfs() ? 'opfs' : 'memory'
}

/**
 * Removes a picked file after a cancelled or failed export (FileSystemHandle.remove, Chrome 110+).
 * False where the browser cannot: the empty file stays and the message says so.
 */
export async function removePickedFile(handle: FileSystemFileHandle): Promise<boolean> {
  const remove = (handle as FileSystemFileHandle & { remove?: () => Promise<void> }).remove
  if (typeof remove !== 'function') return false
  try {
    await remove.call(handle)
    return true
  } catch {
    return false
  }
}

/** Whether the browser offers a save dialog that streams to disk. */
export function canPickFile(): boolean {
  return typeof (window as SaveFilePickerWindow).showSaveFilePicker === 'function'
}

/**
 * Asks the user where to save (must be called from the click itself). Null when the browser has no
 * picker; throws AbortError when the user closed the dialog.
 */
export async function pickFile(fileName: string, mime: string, ext: string): Promise<FileSystemFileHandle | null> {
  const pick = (window as SaveFilePickerWindow).showSaveFilePicker
  if (!pick) return null
  return pick.call(window, { suggestedName: fileName, types: [{ description: `${ext.toUpperCase()} video`, accept: { [mime]: [`.${ext}`] } }] })
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function tracking(inner: UnderlyingSink<StreamTargetChunk>): { writable: WritableStream<StreamTargetChunk>; bytes(): number } {
  let end = 0
  const writable = new WritableStream<StreamTargetChunk>({
    ...inner,
    write(chunk, c) {
      end = Math.max(end, chunk.position + chunk.data.byteLength)
      return inner.write?.(chunk, c)
    },
  })
  return { writable, bytes: () => end }
}

/** A sink on a file handle (picked, or in the private file system). */
async function fileSink(kind: 'file' | 'opfs', handle: FileSystemFileHandle, onAbort: () => Promise<void>): Promise<Sink> {
  const stream = await handle.createWritable()
  let closed = false
  const t = tracking({
    write: (chunk) => stream.write({ type: 'write', position: chunk.position, data: chunk.data }),
    close: async () => {
      closed = true
      await stream.close()
    },
    abort: () => stream.abort(),
  })
  return {
    kind,
    ...t,
    async deliver(fileName) {
      if (kind === 'opfs') download(await handle.getFile(), fileName)
    },
    async abort() {
      if (!closed) await stream.abort().catch(() => {})
      await onAbort()
    },
  }
}

const OPFS_NAME = 'terawatt-export'
/** An earlier export's private copy is removed once it is this old (its download long begun, its writer long done). */
const STALE_MS = 6 * 3600 * 1000

/**
 * Each export gets its own private file (terawatt-export-<ms>.<ext>): the copy an earlier export
 * handed over as a download may still be being read. Copies older than STALE_MS are removed when
 * the next export starts, so a long 4K take does not stay in the origin's storage for good, and
 * neither another tab's export still being written nor a download just handed over is touched.
 */
async function opfsSink(ext: string): Promise<Sink | null> {
  if (!canWriteOpfs()) return null
  try {
    const dir = await navigator.storage.getDirectory()
    const old: string[] = []
    const now = Date.now()
    for await (const key of (dir as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }).keys()) {
      const made = Number(/^terawatt-export-(\d+)\./.exec(key)?.[1])
      if (key.startsWith(OPFS_NAME) && !(now - made < STALE_MS)) old.push(key)
    }
    for (const key of old) await dir.removeEntry(key).catch(() => {})
    const name = `${OPFS_NAME}-${Date.now()}.${ext}`
    const handle = await dir.getFileHandle(name, { create: true })
    if (typeof handle.createWritable !== 'function') return null
    return await fileSink('opfs', handle, () => dir.removeEntry(name).catch(() => {}))
  } catch {
    return null
  }
}

function memorySink(): Sink {
  // Positioned writes into a growing buffer (mp4 and webm patch a few header bytes at the end).
  let buf = new Uint8Array(1 << 20)
  const t = tracking({
    write(chunk) {
      const need = chunk.position + chunk.data.byteLength
      if (need > buf.length) {
        const next = new Uint8Array(Math.max(need, buf.length * 2))
        next.set(buf)
        buf = next
      }
      buf.set(chunk.data, chunk.position)
    },
  })
  return {
    kind: 'memory',
    ...t,
    async deliver(fileName, mime) {
      download(new Blob([buf.subarray(0, t.bytes())], { type: mime }), fileName)
    },
    async abort() {
      buf = new Uint8Array(0)
    },
  }
}

function toBase64(data: Uint8Array): string {
  let s = ''
  const step = 0x8000
  for (let i = 0; i < data.length; i += step) s += String.fromCharCode.apply(null, Array.from(data.subarray(i, i + step)))
  return btoa(s)
}

function pageSink(write: (position: number, base64: string) => Promise<void>): Sink {
  const t = tracking({ write: (chunk) => write(chunk.position, toBase64(chunk.data)) })
  return { kind: 'page', ...t, deliver: async () => {}, abort: async () => {} }
}

/**
 * The sink for an export: the picked file if there is one, else the headless renderer's function,
 * else the private file system, else memory.
 */
export async function openSink(picked: FileSystemFileHandle | null, ext: string): Promise<Sink> {
  if (picked) return fileSink('file', picked, async () => {})
  if (window.__terawattRenderWrite) return pageSink(window.__terawattRenderWrite)
  return (await opfsSink(ext)) ?? memorySink()
}
