/** msgpackr's build without dynamic code (for pages whose CSP has no 'unsafe-eval'); same API as its unpacker. */
declare module 'msgpackr/unpack-no-eval' {
  export { Unpackr } from 'msgpackr/unpack';
}
