"""The local mock backend: serves normalized specs with Flask (see issue 3)."""
