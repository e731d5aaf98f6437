using System.Text;

namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>Splits a Service Bus SQL filter expression into tokens.</summary>
static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (c == '[')
            {
                int end = text.IndexOf(']', i + 1);
                if (end < 0)
                {
                    throw new SqlFilterException($"Unclosed '[' at position {i}.");
                }

                tokens.Add(new SqlToken(SqlTokenKind.Identifier, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                int start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.' || text[i] == 'e' || text[i] == 'E'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, text[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_' || c == '@' || c == '$')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '@' or '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Identifier, text[start..i], start));
            }
            else
            {
                string symbol = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (symbol is "<>" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol, i));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '(' or ')' or ',' or '-')
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString(), i));
                    i++;
                }
                else
                {
                    throw new SqlFilterException($"Unexpected character '{c}' at position {i}.");
                }
            }
        }

        tokens.Add(new SqlToken(SqlTokenKind.End, "", text.Length));
        return tokens;
    }

    static SqlToken ReadString(string text, ref int i)
    {
        int start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new SqlFilterException($"Unclosed string literal at position {start}.");
            }

            if (text[i] == '\'')
            {
                // A doubled quote is an escaped quote inside the literal.
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return new SqlToken(SqlTokenKind.String, value.ToString(), start);
            }

            value.Append(text[i]);
            i++;
        }
    }
}
