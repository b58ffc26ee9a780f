// Partial uploads of RGB32F keyframe textures, a band of rows at a time (WebGL2 texSubImage2D with a source
// offset), so the next keyframe streams to the GPU over several frames instead of in one 24 MB upload (10⁶
// satellites). three.js's own update ranges assume RGBA, hence the raw call. three only.
import * as THREE from 'three';

/** Uploads rows [y0, y0 + rows) of a DataTexture's image data to its GPU texture. */
export type RowUploader = (texture: THREE.DataTexture, y0: number, rows: number) => void;

/** A RowUploader on `renderer`'s WebGL2 context (binds through three's state cache so three stays in sync). */
export function glRowUploader(renderer: THREE.WebGLRenderer): RowUploader {
  const gl = renderer.getContext() as WebGL2RenderingContext;
  return (texture, y0, rows) => {
    if (rows <= 0) return;
    let props = renderer.properties.get(texture) as { __webglTexture?: WebGLTexture };
    if (!props.__webglTexture) {
      renderer.initTexture(texture); // allocates (and uploads the whole image once)
      props = renderer.properties.get(texture) as { __webglTexture?: WebGLTexture };
      return;
    }
    const { width, data } = texture.image as { width: number; data: Float32Array };
    renderer.state.bindTexture(gl.TEXTURE_2D, props.__webglTexture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
    gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, 0);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, y0, width, rows, gl.RGB, gl.FLOAT, data, y0 * width * 3);
  };
}
