namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>
/// A Service Bus SQL filter over system and application properties: comparisons (=, &lt;&gt;, !=, &lt;, &lt;=, &gt;, &gt;=),
/// AND, OR, NOT, parentheses, IN, LIKE, IS [NOT] NULL, EXISTS, string/number/boolean literals.
/// Arithmetic and functions are not supported and are rejected when the configuration is loaded.
/// </summary>
public sealed class SqlFilter : IMessageFilter
{
    readonly SqlCondition condition;

    SqlFilter(string expression, SqlCondition condition)
    {
        Expression = expression;
        this.condition = condition;
    }

    public string Expression { get; }

    public static SqlFilter Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new SqlFilterException("The SQL filter expression is empty.");
        }

        var parser = new SqlParser(SqlTokenizer.Tokenize(expression));
        SqlCondition condition = parser.ParseExpression();
        parser.ExpectEnd();
        return new SqlFilter(expression, condition);
    }

    /// <summary>Unknown (a missing property) does not match, as in Service Bus.</summary>
    public bool Matches(FilterContext message) => condition.Evaluate(message) == true;
}
