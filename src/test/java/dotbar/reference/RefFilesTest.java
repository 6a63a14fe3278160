package dotbar.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loader of the reference formats: matrices row-major, sizes checked, gzip read, comments skipped. */
class RefFilesTest {
    @Test
    void aMatrixRecordReadsRowMajorAndTransposesToSampleMajor() {
        var t = RefFiles.tensor("case\tparam\tW\t2\t3\t1\t2\t3\t4\t5\t6.5".split("\t"), 2);
        assertEquals("W 2 3", t.name() + " " + t.rows() + " " + t.cols());
        assertEquals(6.5, t.get(1, 2));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6.5}, t.columnMajor());
        var e = assertThrows(IllegalArgumentException.class, () -> RefFiles.tensor("W\t2\t2\t1\t2\t3".split("\t"), 0));
        assertEquals("W: 2×2 needs 4 entries, the record has 3", e.getMessage());
    }

    @Test
    void gzippedAndPlainFilesReadWithoutComments() {
        var plain = RefFiles.records("/refs/torch-networks/networks.tsv");
        var gz = RefFiles.records("/refs/torch-training/init.tsv.gz");
        assertTrue(plain.stream().noneMatch(f -> f[0].startsWith("#")));
        assertEquals(4, gz.size(), "W1 b1 W2 b2");
        assertEquals("W1", gz.get(0)[0]);
        assertThrows(IllegalArgumentException.class, () -> RefFiles.records("/refs/no-such-file.tsv"));
    }
}
