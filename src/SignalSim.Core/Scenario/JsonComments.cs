// Blanks out the comments of JSON-with-comments text, byte for byte, so that the JSON reader
// accepts a comment wherever whitespace may stand (System.Text.Json refuses one between a key
// and its colon) and every offset, line and column stays that of the original file.
namespace SignalSim.Core.Scenario;

public static class JsonComments
{
    /// <summary>
    /// A copy of the text with "//" and "/* */" comments outside strings replaced by spaces (line
    /// breaks kept). An unterminated block comment is left as it is, for the reader to report.
    /// </summary>
    public static byte[] Blank(byte[] utf8)
    {
        byte[]? copy = null;
        var span = utf8.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            // Vectorised searches: a 50 MB file takes milliseconds, not a byte-by-byte loop.
            var next = span[i..].IndexOfAny((byte)'"', (byte)'/');
            if (next < 0) break;
            i += next;
            if (span[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    var end = span[i..].IndexOfAny((byte)'"', (byte)'\\');
                    if (end < 0) return copy ?? utf8; // unterminated string: the reader reports it
                    i += end;
                    if (span[i] == (byte)'\\') { i += 2; continue; }
                    i++;
                    break;
                }
                continue;
            }
            if (i + 1 >= span.Length) break;
            int stop;
            if (span[i + 1] == (byte)'/')
            {
                var eol = span[(i + 2)..].IndexOfAny((byte)'\n', (byte)'\r');
                stop = eol < 0 ? span.Length : i + 2 + eol;
            }
            else if (span[i + 1] == (byte)'*')
            {
                var close = span[(i + 2)..].IndexOf("*/"u8);
                if (close < 0) return copy ?? utf8; // unterminated: the reader reports it where it starts
                stop = i + 2 + close + 2;
            }
            else
            {
                i++;
                continue;
            }
            copy ??= (byte[])utf8.Clone();
            for (var k = i; k < stop; k++)
            {
                if (copy[k] is not ((byte)'\n' or (byte)'\r')) copy[k] = (byte)' ';
            }
            i = stop;
        }
        return copy ?? utf8;
    }
}
