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
        var inString = false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            if (b == (byte)'"') { inString = true; continue; }
            if (b != (byte)'/' || i + 1 >= utf8.Length) continue;
            var next = utf8[i + 1];
            int end;
            if (next == (byte)'/')
            {
                end = i + 2;
                while (end < utf8.Length && utf8[end] != (byte)'\n' && utf8[end] != (byte)'\r') end++;
            }
            else if (next == (byte)'*')
            {
                var close = utf8.AsSpan(i + 2).IndexOf("*/"u8);
                if (close < 0) return copy ?? utf8; // unterminated: the reader reports it where it starts
                end = i + 2 + close + 2;
            }
            else continue;
            copy ??= (byte[])utf8.Clone();
            for (var k = i; k < end; k++)
            {
                if (copy[k] is not ((byte)'\n' or (byte)'\r')) copy[k] = (byte)' ';
            }
            i = end - 1;
        }
        return copy ?? utf8;
    }
}
