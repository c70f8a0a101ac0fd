import { render } from "hono/jsx/dom";
import { App } from "./App";

const root = document.getElementById("app");
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
