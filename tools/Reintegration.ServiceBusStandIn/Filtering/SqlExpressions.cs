using System.Text.RegularExpressions;

namespace Reintegration.ServiceBusStandIn.Filtering;

// The parsed form of a SQL filter. Conditions evaluate to true, false or unknown (null), as in SQL.

abstract record SqlCondition
{
    public abstract bool? Evaluate(FilterContext message);
}

abstract record SqlOperand
{
    public abstract object? Evaluate(FilterContext message);
}

sealed record Literal(object? Value) : SqlOperand
{
    public override object? Evaluate(FilterContext message) => Value;
}

/// <summary>sys.Name is a system property; user.Name or a bare name is an application property.</summary>
sealed record PropertyReference(string Scope, string Name) : SqlOperand
{
    public override object? Evaluate(FilterContext message)
    {
        if (Scope == "sys")
        {
            return message.TryGetSystemProperty(Name, out object? value) ? value : null;
        }

        return message.ApplicationProperties.TryGetValue(Name, out object? property) ? property : null;
    }

    public bool Exists(FilterContext message) => Scope == "sys"
        ? message.TryGetSystemProperty(Name, out object? value) && value is not null
        : message.ApplicationProperties.ContainsKey(Name);
}

sealed record Or(SqlCondition Left, SqlCondition Right) : SqlCondition
{
    public override bool? Evaluate(FilterContext message)
    {
        bool? left = Left.Evaluate(message);
        if (left == true)
        {
            return true;
        }

        bool? right = Right.Evaluate(message);
        return right == true ? true : left is null || right is null ? null : false;
    }
}

sealed record And(SqlCondition Left, SqlCondition Right) : SqlCondition
{
    public override bool? Evaluate(FilterContext message)
    {
        bool? left = Left.Evaluate(message);
        if (left == false)
        {
            return false;
        }

        bool? right = Right.Evaluate(message);
        return right == false ? false : left is null || right is null ? null : true;
    }
}

sealed record Not(SqlCondition Inner) : SqlCondition
{
    public override bool? Evaluate(FilterContext message) => !Inner.Evaluate(message);
}

sealed record Comparison(SqlOperand Left, string Operator, SqlOperand Right) : SqlCondition
{
    public override bool? Evaluate(FilterContext message)
    {
        object? left = Left.Evaluate(message);
        object? right = Right.Evaluate(message);
        if (left is null || right is null)
        {
            return null;
        }

        if (SqlValues.Compare(left, right) is not int o)
        {
            // Values of different kinds are never equal.
            return Operator switch { "=" => false, "<>" or "!=" => true, _ => null };
        }

        return Operator switch
        {
            "=" => o == 0,
            "<>" or "!=" => o != 0,
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            ">=" => o >= 0,
            _ => null,
        };
    }
}

sealed record In(SqlOperand Value, IReadOnlyList<SqlOperand> Candidates) : SqlCondition
{
    public override bool? Evaluate(FilterContext message)
    {
        object? value = Value.Evaluate(message);
        if (value is null)
        {
            return null;
        }

        return Candidates.Any(candidate => SqlValues.AreEqual(value, candidate.Evaluate(message)));
    }
}

sealed record IsNull(SqlOperand Value) : SqlCondition
{
    public override bool? Evaluate(FilterContext message) => Value.Evaluate(message) is null;
}

sealed record Exists(PropertyReference Property) : SqlCondition
{
    public override bool? Evaluate(FilterContext message) => Property.Exists(message);
}

sealed record Like(SqlOperand Value, Regex Pattern) : SqlCondition
{
    public override bool? Evaluate(FilterContext message) =>
        Value.Evaluate(message) is string text ? Pattern.IsMatch(text) : null;
}

sealed record Constant(bool Value) : SqlCondition
{
    public override bool? Evaluate(FilterContext message) => Value;
}
