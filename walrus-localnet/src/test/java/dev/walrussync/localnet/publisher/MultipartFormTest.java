package dev.walrussync.localnet.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting multipart/form-data bodies into named parts, and finding their boundary. */
class MultipartFormTest {
    @Test
    void partsKeepTheirNamesAndExactBytesIgnoringPreambleAndFilename() throws Exception {
        String body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; filename=\"name.txt\"; name=\"a b\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ\r\ncontent-disposition: form-data; "
                + "name=_metadata\r\n\r\n[]\r\n--XyZ--\r\nepilogue";

        List<MultipartForm.Part> parts = MultipartForm.parse(body.getBytes(StandardCharsets.UTF_8), "XyZ");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("a b");
        assertThat(new String(parts.get(0).data(), StandardCharsets.UTF_8)).isEqualTo("line1\r\nline2");
        assertThat(parts.get(1).name()).isEqualTo("_metadata");
        assertThat(parts.get(1).data()).containsExactly('[', ']');
    }

    @Test
    void aPartWithoutContentDispositionHasAnEmptyName() throws Exception {
        byte[] body = "--b\r\n\r\nxyz\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(MultipartForm.parse(body, "b"))
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEmpty());
    }

    @Test
    void anUnterminatedBodyIsMalformed() {
        byte[] body =
                "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultipartForm.parse(body, "b")).isInstanceOf(MultipartForm.MalformedForm.class);
    }

    @Test
    void theBoundaryComesFromAMultipartFormDataContentTypeOnly() throws Exception {
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=\"a;b\""))
                .isEqualTo("a;b");
        assertThat(MultipartForm.boundary("Multipart/Form-Data;boundary=xyz")).isEqualTo("xyz");
        for (String bad :
                new String[] {"application/octet-stream", "multipart/form-data", "multipart/mixed; boundary=x"}) {
            assertThatThrownBy(() -> MultipartForm.boundary(bad)).isInstanceOf(MultipartForm.InvalidBoundary.class);
        }
        assertThatThrownBy(() -> MultipartForm.boundary(null)).isInstanceOf(MultipartForm.InvalidBoundary.class);
    }
}
