console.log('ris-demo: under construction');
