using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>Recursive descent over the tokens: OR binds looser than AND, AND looser than NOT.</summary>
sealed class SqlParser(List<SqlToken> tokens)
{
    int position;

    SqlToken Current => tokens[position];

    SqlToken Next() => tokens[position++];

    public void ExpectEnd()
    {
        if (Current.Kind != SqlTokenKind.End)
        {
            throw Error($"Unexpected '{Current.Text}'");
        }
    }

    public SqlCondition ParseExpression()
    {
        SqlCondition left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            Next();
            left = new Or(left, ParseAnd());
        }

        return left;
    }

    SqlCondition ParseAnd()
    {
        SqlCondition left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            Next();
            left = new And(left, ParseNot());
        }

        return left;
    }

    SqlCondition ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            Next();
            return new Not(ParseNot());
        }

        return ParsePredicate();
    }

    SqlCondition ParsePredicate()
    {
        if (Current.IsSymbol("("))
        {
            Next();
            SqlCondition inner = ParseExpression();
            Expect(")");
            return inner;
        }

        if (Current.IsKeyword("EXISTS"))
        {
            Next();
            Expect("(");
            SqlOperand operand = ParseOperand();
            Expect(")");
            return operand is PropertyReference property ? new Exists(property) : throw Error("EXISTS needs a property name");
        }

        SqlOperand left = ParseOperand();
        if (Current.Kind == SqlTokenKind.Symbol && Current.Text is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=")
        {
            string op = Next().Text;
            return new Comparison(left, op, ParseOperand());
        }

        if (Current.IsKeyword("IS"))
        {
            Next();
            bool negated = TryKeyword("NOT");
            ExpectKeyword("NULL");
            SqlCondition isNull = new IsNull(left);
            return negated ? new Not(isNull) : isNull;
        }

        bool not = TryKeyword("NOT");
        SqlCondition predicate;
        if (TryKeyword("IN"))
        {
            predicate = new In(left, ParseList());
        }
        else if (TryKeyword("LIKE"))
        {
            predicate = ParseLike(left);
        }
        else if (!not && left is Literal { Value: bool constant })
        {
            predicate = new Constant(constant);
        }
        else
        {
            throw Error("Expected a comparison, IN, LIKE or IS NULL");
        }

        return not ? new Not(predicate) : predicate;
    }

    List<SqlOperand> ParseList()
    {
        Expect("(");
        var items = new List<SqlOperand> { ParseOperand() };
        while (Current.IsSymbol(","))
        {
            Next();
            items.Add(ParseOperand());
        }

        Expect(")");
        return items;
    }

    Like ParseLike(SqlOperand value)
    {
        SqlToken pattern = Next();
        if (pattern.Kind != SqlTokenKind.String)
        {
            throw Error("LIKE needs a string pattern");
        }

        char? escape = null;
        if (TryKeyword("ESCAPE"))
        {
            SqlToken escapeToken = Next();
            if (escapeToken.Kind != SqlTokenKind.String || escapeToken.Text.Length != 1)
            {
                throw Error("ESCAPE needs a one-character string");
            }

            escape = escapeToken.Text[0];
        }

        return new Like(value, LikeToRegex(pattern.Text, escape));
    }

    SqlOperand ParseOperand()
    {
        SqlToken token = Next();
        switch (token.Kind)
        {
            case SqlTokenKind.String:
                return new Literal(token.Text);
            case SqlTokenKind.Number:
                return new Literal(ParseNumber(token.Text, token.Position));
            case SqlTokenKind.Symbol when token.Text == "-" && Current.Kind == SqlTokenKind.Number:
                return new Literal(ParseNumber("-" + Next().Text, token.Position));
            case SqlTokenKind.Identifier when token.IsKeyword("TRUE"):
                return new Literal(true);
            case SqlTokenKind.Identifier when token.IsKeyword("FALSE"):
                return new Literal(false);
            case SqlTokenKind.Identifier when token.IsKeyword("NULL"):
                return new Literal(null);
            case SqlTokenKind.Identifier:
                return ToProperty(token.Text);
            default:
                throw new SqlFilterException($"Expected a property or a value at position {token.Position}, found '{token.Text}'.");
        }
    }

    static PropertyReference ToProperty(string name)
    {
        int dot = name.IndexOf('.');
        if (dot > 0)
        {
            string scope = name[..dot].ToLowerInvariant();
            if (scope is "sys" or "user")
            {
                return new PropertyReference(scope, name[(dot + 1)..]);
            }
        }

        return new PropertyReference("user", name);
    }

    static object ParseNumber(string text, int position)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return whole;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return real;
        }

        throw new SqlFilterException($"'{text}' at position {position} is not a number.");
    }

    static Regex LikeToRegex(string pattern, char? escape)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (escape == c && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '%')
            {
                regex.Append(".*");
            }
            else if (c == '_')
            {
                regex.Append('.');
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    bool TryKeyword(string keyword)
    {
        if (Current.IsKeyword(keyword))
        {
            Next();
            return true;
        }

        return false;
    }

    void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Error($"Expected {keyword}");
        }
    }

    void Expect(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw Error($"Expected '{symbol}'");
        }

        Next();
    }

    SqlFilterException Error(string what) =>
        new($"{what} at position {Current.Position}{(Current.Kind == SqlTokenKind.End ? " (end of expression)" : $" near '{Current.Text}'")}.");
}
