namespace Reintegration.ServiceBusStandIn.Filtering;

enum SqlTokenKind { Identifier, String, Number, Symbol, End }

readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == SqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;
}
