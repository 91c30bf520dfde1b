// Globals that exist in every environment shared/ runs in (Node ≥ 17, Chromium, Electron)
// but are not part of the ECMAScript lib. Nothing Node- or DOM-specific belongs here.
declare function structuredClone<T>(value: T): T;
declare function btoa(data: string): string;
declare function atob(data: string): string;
/** Web Crypto's random source: global in Node ≥ 19, Chromium and Electron. */
declare const crypto: { getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T };
/** WHATWG Encoding's decoder (the 'gbk' label too): global in Node ≥ 11, Chromium and Electron. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
