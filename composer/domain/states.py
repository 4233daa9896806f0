"""US states and territories by postal code, as profiles and the licensing check name them."""

from __future__ import annotations

STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
}  # fmt: skip

# What people of a state are called, for "now helping Texans": the usual forms.
DEMONYMS = {
    "Alabamians": "AL", "Alaskans": "AK", "Arizonans": "AZ", "Arkansans": "AR",
    "Californians": "CA", "Coloradans": "CO", "Connecticuters": "CT", "Delawareans": "DE",
    "Floridians": "FL", "Georgians": "GA", "Hawaii residents": "HI", "Idahoans": "ID",
    "Illinoisans": "IL", "Hoosiers": "IN", "Iowans": "IA", "Kansans": "KS", "Kentuckians": "KY",
    "Louisianans": "LA", "Mainers": "ME", "Marylanders": "MD", "Massachusettsans": "MA",
    "Michiganders": "MI", "Minnesotans": "MN", "Mississippians": "MS", "Missourians": "MO",
    "Montanans": "MT", "Nebraskans": "NE", "Nevadans": "NV", "New Hampshirites": "NH",
    "New Jerseyans": "NJ", "New Mexicans": "NM", "New Yorkers": "NY", "North Carolinians": "NC",
    "North Dakotans": "ND", "Ohioans": "OH", "Oklahomans": "OK", "Oregonians": "OR",
    "Pennsylvanians": "PA", "Rhode Islanders": "RI", "South Carolinians": "SC",
    "South Dakotans": "SD", "Tennesseans": "TN", "Texans": "TX", "Utahns": "UT",
    "Vermonters": "VT", "Virginians": "VA", "Washingtonians": "WA", "West Virginians": "WV",
    "Wisconsinites": "WI", "Wyomingites": "WY", "Puerto Ricans": "PR",
}  # fmt: skip
