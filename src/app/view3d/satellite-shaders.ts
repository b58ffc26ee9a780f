// GLSL of the satellite points: the vertex shader fetches the two keyframes around the current time from
// float textures and interpolates them (cubic Hermite); fragment shaders draw the state's shape (colour pass)
// or the satellite's id (picking pass). Strings only; must not import three or React.
import { SHAPE_GLSL, stateStyleGlsl } from './marker-style.ts';

/**
 * GLSL chunk shared by every shader that places satellites (the points here, the ISL lines in isl-layer.ts):
 * uniforms uPos0/uVel0/uPos1/uVel1 = RGB32F keyframe textures (km, km/s; satellite i at texel
 * (i mod uTexWidth, i / uTexWidth)), uU = fraction of the keyframe interval, uH = its length in s, and
 * `keyframePositionKm(i)`, the cubic Hermite position of satellite i (NaN when it is lost).
 */
export const KEYFRAME_GLSL = /* glsl */ `
uniform sampler2D uPos0;
uniform sampler2D uVel0;
uniform sampler2D uPos1;
uniform sampler2D uVel1;
uniform int uTexWidth;
uniform float uU;
uniform float uH;

// Cubic Hermite basis, the GLSL twin of hermitePositionKm() in keyframe-index.ts.
vec3 hermite(vec3 p0, vec3 v0, vec3 p1, vec3 v1, float u, float h) {
  float u2 = u * u;
  float u3 = u2 * u;
  return (2.0 * u3 - 3.0 * u2 + 1.0) * p0 + (u3 - 2.0 * u2 + u) * h * v0
    + (-2.0 * u3 + 3.0 * u2) * p1 + (u3 - u2) * h * v1;
}

ivec2 satTexel(int i) {
  return ivec2(i % uTexWidth, i / uTexWidth);
}

vec3 keyframePositionKm(int i) {
  ivec2 c = satTexel(i);
  return hermite(texelFetch(uPos0, c, 0).xyz, texelFetch(uVel0, c, 0).xyz,
    texelFetch(uPos1, c, 0).xyz, texelFetch(uVel1, c, 0).xyz, uU, uH);
}

// Lost (NaN) or empty texel. The second test also catches NaN where isnan is folded away.
bool isHidden(vec3 p) {
  return any(isnan(p)) || !(dot(p, p) > 1.0);
}
`;

/**
 * Vertex shader shared by both passes: KEYFRAME_GLSL plus uState = R8 state codes and uUnitsPerKm = scene
 * scale. A NaN position (satellite lost) moves the vertex outside the clip volume, so the point is not drawn.
 */
export const SATELLITE_VERTEX = /* glsl */ `
${stateStyleGlsl()}
${KEYFRAME_GLSL}
uniform sampler2D uState;
uniform float uUnitsPerKm;
uniform float uSelected;
uniform float uBaseSizePx;
uniform float uMinSizePx;
uniform float uPixelRatio;
attribute float aSatIndex;
varying vec3 vColor;
varying float vShape;
varying float vSelected;
varying float vId;

void main() {
  int i = int(aSatIndex + 0.5);
  ivec2 c = satTexel(i);
  vec3 p = keyframePositionKm(i);
  // Lost or empty texel: outside the clip volume.
  if (isHidden(p)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  int state = clamp(int(texelFetch(uState, c, 0).r * 255.0 + 0.5), 0, STATE_COUNT - 1);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p * uUnitsPerKm, 1.0);
  float sel = 1.0 - step(0.5, abs(aSatIndex - uSelected));
  float sizePx = uBaseSizePx * STATE_SIZE[state] * mix(1.0, 2.4, sel);
  gl_PointSize = max(sizePx, uMinSizePx) * uPixelRatio;
  vColor = STATE_COLOR[state];
  vShape = STATE_SHAPE[state];
  vSelected = sel;
  vId = aSatIndex + 1.0;
}
`;

/** Colour pass: the state's shape in its colour; the selected satellite gets a white outline ring. */
export const SATELLITE_FRAGMENT = /* glsl */ `
${SHAPE_GLSL}
varying vec3 vColor;
varying float vShape;
varying float vSelected;

void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  p.y = -p.y;
  if (vSelected > 0.5) {
    float r = length(p);
    if (r > 1.0) discard;
    if (r > 0.8) { gl_FragColor = vec4(1.0); return; }
    p /= 0.62;
  }
  if (shapeMask(vShape, p) < 0.5) discard;
  gl_FragColor = vec4(vColor, 1.0);
}
`;

/**
 * Picking pass: id = index + 1 as bytes (r = id mod 256, g = ⌊id/256⌋ mod 256, b = ⌊id/65536⌋), exact in
 * float32 up to 2²⁴ — the same bytes as encodePickId() in pick-id.ts.
 */
export const SATELLITE_ID_FRAGMENT = /* glsl */ `
varying float vId;

void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  if (dot(p, p) > 1.0) discard;
  float r = mod(vId, 256.0);
  float g = mod(floor(vId / 256.0), 256.0);
  float b = floor(vId / 65536.0);
  gl_FragColor = vec4(r / 255.0, g / 255.0, b / 255.0, 1.0);
}
`;
