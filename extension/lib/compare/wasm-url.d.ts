// Vite's `?url` imports (the jieba .wasm the compare page loads): the file is emitted into the
// build and the import is its URL inside the extension.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
