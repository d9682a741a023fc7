// Types of bench/section.mjs for the TypeScript benchmarks (bench/story.ts).
export declare function writeSection(id: string, title: string, body: string, file?: string): void
