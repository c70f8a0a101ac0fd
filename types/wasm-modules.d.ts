// A `.wasm` import: wrangler bundles the file as a compiled module (Workers cannot compile
// WebAssembly from bytes at run time).
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
