package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    /** What folding means: decomposed (NFKD), every combining mark dropped, lower-cased. */
    private static String decomposedUnmarkedLowerCased(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void foldsEveryCharacterAsDecomposingItDroppingItsMarksAndLowerCasingIt() {
        List<String> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) == Character.SURROGATE) {
                continue;
            }
            String text = "A" + Character.toString(codePoint);
            if (!TextFolding.fold(text).equals(decomposedUnmarkedLowerCased(text))) {
                differing.add(Integer.toHexString(codePoint));
            }
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void foldsNamesAsciiOrNotToTheirUnaccentedLowerCase() {
        assertEquals("emile martin", TextFolding.fold("Émile MARTIN"));
        assertEquals("nguyen", TextFolding.fold("Nguyễn"));
        assertEquals("ødegaard", TextFolding.fold("Ødegaard"), "Ø is a letter of its own, not an O with a mark");
        assertEquals("istanbul", TextFolding.fold("İstanbul"));
        assertEquals("office", TextFolding.fold("Oﬃce"), "a ligature is decomposed");
        assertEquals("jdoe@corp.example", TextFolding.fold("JDoe@Corp.Example"));
        assertEquals("", TextFolding.fold(null));
    }
}
