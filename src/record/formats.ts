/**
 * What an export can be: sizes, frame rates, formats (container + codec) and qualities, and the
 * check of what this browser's WebCodecs encoder accepts (VideoEncoder.isConfigSupported, through
 * mediabunny's canEncodeVideo), so an unsupported choice is refused up front with a list of what
 * the browser can do instead.
 */
import { canEncodeVideo, QUALITY_HIGH, QUALITY_LOW, QUALITY_MEDIUM, QUALITY_VERY_HIGH, type Quality, type VideoCodec } from 'mediabunny'

export const EXPORT_SIZES = [
  { w: 1280, h: 720, label: '720p' },
  { w: 1920, h: 1080, label: '1080p' },
  { w: 2560, h: 1440, label: '1440p' },
  { w: 3840, h: 2160, label: '4K' },
] as const

export const EXPORT_FPS = [24, 30, 60] as const

export const FORMATS = {
  mp4: { label: 'MP4 (H.264)', container: 'mp4', codec: 'avc', ext: 'mp4', mime: 'video/mp4' },
  webm: { label: 'WebM (VP9)', container: 'webm', codec: 'vp9', ext: 'webm', mime: 'video/webm' },
  av1: { label: 'WebM (AV1)', container: 'webm', codec: 'av1', ext: 'webm', mime: 'video/webm' },
} as const satisfies Record<string, { label: string; container: 'mp4' | 'webm'; codec: VideoCodec; ext: string; mime: string }>
export type FormatId = keyof typeof FORMATS
export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[]

export const QUALITY_LEVELS = { low: QUALITY_LOW, medium: QUALITY_MEDIUM, high: QUALITY_HIGH, 'very-high': QUALITY_VERY_HIGH } as const
export type QualityId = keyof typeof QUALITY_LEVELS
export const QUALITY_IDS = Object.keys(QUALITY_LEVELS) as QualityId[]

export function quality(id: QualityId): Quality {
  return QUALITY_LEVELS[id]
}

export function isFormat(s: string): s is FormatId {
  return s in FORMATS
}

/** Whether this browser encodes the format at this size and rate. */
export async function canEncode(format: FormatId, w: number, h: number, fps: number, q: QualityId = 'high'): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined') return false
  try {
    return await canEncodeVideo(FORMATS[format].codec, { width: w, height: h, frameRate: fps, quality: quality(q) })
  } catch {
    return false
  }
}

/**
 * A sentence listing what this browser can encode (each format with the export sizes it takes),
 * for the message when the chosen one cannot be.
 */
export async function describeEncodable(fps: number): Promise<string> {
  if (typeof VideoEncoder === 'undefined') return 'This browser has no WebCodecs video encoder at all (try a current Chrome, Edge or Firefox).'
  const parts: string[] = []
  for (const f of FORMAT_IDS) {
    const sizes: string[] = []
    for (const s of EXPORT_SIZES) if (await canEncode(f, s.w, s.h, fps)) sizes.push(`${s.w}×${s.h}`)
    if (sizes.length) parts.push(`${FORMATS[f].label} at ${sizes.join(', ')}`)
  }
  return parts.length ? `This browser can encode ${parts.join('; ')} (${fps} fps).` : `This browser cannot encode any of the offered formats at ${fps} fps.`
}
