import UAParser from "ua-parser-js";

export interface DeviceSummary {
  device: string;
  browser: string;
  os: string;
}

/** A person-readable summary of a User-Agent ("iPhone", "Safari 18", "iOS 18.1"). */
export function describeUserAgent(userAgent: string | null | undefined): DeviceSummary {
  if (!userAgent) return { device: "Unknown device", browser: "Unknown browser", os: "Unknown OS" };
  const ua = new UAParser(userAgent).getResult();
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ");
  const major = ua.browser.version?.split(".")[0];
  const deviceName = join(ua.device.vendor, ua.device.model);
  const device =
    deviceName ||
    (ua.device.type === "mobile" ? "Phone" : ua.device.type === "tablet" ? "Tablet" : "Computer");
  return {
    device,
    browser: join(ua.browser.name, major) || "Unknown browser",
    os: join(ua.os.name, ua.os.version) || "Unknown OS",
  };
}
