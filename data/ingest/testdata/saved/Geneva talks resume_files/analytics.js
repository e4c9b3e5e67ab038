(function(){window.dataLayer=window.dataLayer||[];dataLayer.push({event:"pageview"});})();
