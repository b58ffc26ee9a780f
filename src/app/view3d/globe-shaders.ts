// GLSL of the globe: ocean sphere shaded by day/night from a Sun-direction uniform (Earth-fixed), and lines
// (land outlines, graticule) dimmed on the night side. Strings only; must not import three or React.

/**
 * Width of the twilight band, as the cosine of the Sun's zenith angle over which day fades to night:
 * ±0.1 ≈ ±5.7° about the terminator (assumption, between civil (6°) twilight and a hard edge).
 */
export const TWILIGHT_HALF_WIDTH = 0.1;

const SUN_GLSL = /* glsl */ `
uniform vec3 uSunDir;
float dayFactor(vec3 n) {
  return smoothstep(-${TWILIGHT_HALF_WIDTH.toFixed(3)}, ${TWILIGHT_HALF_WIDTH.toFixed(3)}, dot(normalize(n), uSunDir));
}
`;

/** Both shaders work in the Earth-fixed object frame: `position` is ECEF in scene units. */
export const GLOBE_VERTEX = /* glsl */ `
varying vec3 vEcef;
varying vec3 vViewNormal;
void main() {
  vEcef = position;
  vViewNormal = normalize(normalMatrix * normal);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const GLOBE_FRAGMENT = /* glsl */ `
${SUN_GLSL}
uniform vec3 uDayColor;
uniform vec3 uNightColor;
uniform vec3 uRimColor;
varying vec3 vEcef;
varying vec3 vViewNormal;
void main() {
  float day = dayFactor(vEcef);
  vec3 c = mix(uNightColor, uDayColor, day);
  float rim = pow(1.0 - abs(vViewNormal.z), 3.0);
  // The rim (atmosphere glow) is faint on the night side, so night reads as one dark hemisphere, not a band.
  gl_FragColor = vec4(c + uRimColor * rim * (0.08 + 0.92 * day), 1.0);
}
`;

export const LINE_VERTEX = /* glsl */ `
varying vec3 vEcef;
void main() {
  vEcef = position;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const LINE_FRAGMENT = /* glsl */ `
${SUN_GLSL}
uniform vec3 uDayColor;
uniform vec3 uNightColor;
varying vec3 vEcef;
void main() {
  gl_FragColor = vec4(mix(uNightColor, uDayColor, dayFactor(vEcef)), 1.0);
}
`;
